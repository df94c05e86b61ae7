import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { z } from 'zod/mini'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, FieldLabel, TextField, controlClasses, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { applyServerErrors, errorMessages, focusOnMount, optionalText, requiredText, useSchemaForm } from '../../lib/forms'
import { useCreateGroup, useUpdateGroup, type Group, type GroupFields } from './queries'

/** The server's limits (VideoGroup.MaxNameLength; the description shares Video.MaxDescriptionLength). */
export const MAX_GROUP_NAME_LENGTH = 200
export const MAX_GROUP_DESCRIPTION_LENGTH = 5000

/** `POST /groups` and `PATCH /groups/{id}` (CreateGroupValidator, UpdateGroupValidator). */
const groupSchema = (t: TFunction) =>
  z.object({
    name: requiredText(MAX_GROUP_NAME_LENGTH, {
      required: t('groups.form.nameRequired'),
      tooLong: t('groups.form.nameTooLong', { max: MAX_GROUP_NAME_LENGTH }),
    }),
    description: optionalText(MAX_GROUP_DESCRIPTION_LENGTH, t('groups.form.descriptionTooLong', { max: MAX_GROUP_DESCRIPTION_LENGTH })),
  })

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
  const schema = useMemo(() => groupSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: initial })
  const { errors } = form.formState
  const descriptionIds = useFieldIds()
  const descriptionErrors = errorMessages(errors.description)

  const submit = form.handleSubmit((fields) => onSubmit(fields, (failure) => applyServerErrors(form, failure)))

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="space-y-4">
      {errors.root?.server && (
        <Alert tone="error" ref={focusOnMount} focusable title={t('groups.form.failed')}>
          {errorMessage(error, t)}
        </Alert>
      )}
      <TextField
        label={t('groups.fields.name')}
        {...form.register('name')}
        errors={errorMessages(errors.name)}
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
          {...form.register('description')}
          className={controlClasses}
          {...describedBy(descriptionIds, true, descriptionErrors.length > 0)}
        />
        <p id={descriptionIds.hintId} className="mt-1.5 text-sm text-slate-600">
          {t('groups.fields.descriptionHint')}
        </p>
        <FieldErrorText id={descriptionIds.errorId} errors={descriptionErrors} />
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
