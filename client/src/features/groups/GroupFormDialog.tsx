import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, FieldLabel, TextField, controlClasses, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { compactErrors, focusSoon, onlyFieldErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { useCreateGroup, useUpdateGroup, type Group, type GroupFields } from './queries'

export const MAX_GROUP_NAME_LENGTH = 200
export const MAX_GROUP_DESCRIPTION_LENGTH = 2000
const FIELDS = ['name', 'description'] as const

function GroupForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  initial: GroupFields
  submitLabel: string
  pending: boolean
  error: unknown
  onSubmit: (fields: GroupFields, onFailed: (error: unknown) => void) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initial.name)
  const [description, setDescription] = useState(initial.description)
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()
  const summary = useRef<HTMLDivElement>(null)
  const descriptionIds = useFieldIds()

  function submit(event: FormEvent) {
    event.preventDefault()
    const found = compactErrors({
      name: !name.trim()
        ? [t('groups.form.nameRequired')]
        : name.trim().length > MAX_GROUP_NAME_LENGTH
          ? [t('groups.form.nameTooLong', { max: MAX_GROUP_NAME_LENGTH })]
          : undefined,
      description:
        description.length > MAX_GROUP_DESCRIPTION_LENGTH ? [t('groups.form.descriptionTooLong', { max: MAX_GROUP_DESCRIPTION_LENGTH })] : undefined,
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    onSubmit({ name: name.trim(), description: description.trim() }, (failure) => {
      setErrors(serverFieldErrors(failure))
      if (onlyFieldErrors(failure, FIELDS)) focusFirstInvalid()
      else focusSoon(summary)
    })
  }

  const showSummary = error !== null && error !== undefined && !onlyFieldErrors(error, FIELDS)

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-4">
      {showSummary && (
        <Alert tone="error" ref={summary} focusable title={t('groups.form.failed')}>
          {errorMessage(error, t)}
        </Alert>
      )}
      <TextField
        label={t('groups.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors.name}
        maxLength={MAX_GROUP_NAME_LENGTH + 50}
        required
      />
      <div>
        <FieldLabel htmlFor={descriptionIds.controlId} optional={t('videos.upload.optional')}>
          {t('groups.fields.description')}
        </FieldLabel>
        <textarea
          id={descriptionIds.controlId}
          rows={3}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className={controlClasses}
          {...describedBy(descriptionIds, true, Boolean(errors.description?.length))}
        />
        <p id={descriptionIds.hintId} className="mt-1.5 text-sm text-slate-600">
          {t('groups.fields.descriptionHint')}
        </p>
        <FieldErrorText id={descriptionIds.errorId} errors={errors.description} />
      </div>
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  )
}

/** "Create a group": name and description, then on to the new group's page. */
export function CreateGroupDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateGroup()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const toast = useToast()
  const close = () => {
    create.reset()
    onClose()
  }
  return (
    <Dialog open={open} onClose={close} dismissible={!create.isPending} title={t('groups.create.title')} description={t('groups.create.body')} data-testid="create-group-dialog">
      <GroupForm
        initial={{ name: '', description: '' }}
        submitLabel={t('groups.create.submit')}
        pending={create.isPending}
        error={create.error}
        onCancel={close}
        onSubmit={(fields, onFailed) =>
          create.mutate(fields, {
            onSuccess: (group) => {
              toast(t('groups.create.created', { name: group.name }))
              onClose()
              void navigate(localize(`/groups/${group.id}`))
            },
            onError: onFailed,
          })
        }
      />
    </Dialog>
  )
}

export function EditGroupDialog({ group, open, onClose }: { group: Group; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const update = useUpdateGroup(group.id)
  const toast = useToast()
  const close = () => {
    update.reset()
    onClose()
  }
  return (
    <Dialog open={open} onClose={close} dismissible={!update.isPending} title={t('groups.edit.title')} data-testid="edit-group-dialog">
      <GroupForm
        initial={{ name: group.name, description: group.description ?? '' }}
        submitLabel={t('common.save')}
        pending={update.isPending}
        error={update.error}
        onCancel={close}
        onSubmit={(fields, onFailed) =>
          update.mutate(fields, {
            onSuccess: () => {
              toast(t('groups.edit.saved'))
              close()
            },
            onError: onFailed,
          })
        }
      />
    </Dialog>
  )
}
