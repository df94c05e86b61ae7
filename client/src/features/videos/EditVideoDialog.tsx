import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, FieldLabel, TextField, controlClasses, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { compactErrors, focusSoon, onlyFieldErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { tagsQuery, useUpdateVideo, type Video } from './queries'
import { TagInput } from './TagInput'
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from './format'

const FIELDS = ['title', 'description', 'tags'] as const

function EditForm({ video, onDone }: { video: Video; onDone: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const update = useUpdateVideo(video.id)
  const tags = useQuery(tagsQuery)
  const [title, setTitle] = useState(video.title)
  const [description, setDescription] = useState(video.description ?? '')
  const [tagNames, setTagNames] = useState(video.tags.map((tag) => tag.name))
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()
  const summary = useRef<HTMLDivElement>(null)
  const descriptionIds = useFieldIds()

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    const found = compactErrors({
      title: !title.trim()
        ? [t('videos.upload.titleRequired')]
        : title.trim().length > MAX_TITLE_LENGTH
          ? [t('videos.upload.titleTooLong', { max: MAX_TITLE_LENGTH })]
          : undefined,
      description:
        description.length > MAX_DESCRIPTION_LENGTH ? [t('videos.edit.descriptionTooLong', { max: MAX_DESCRIPTION_LENGTH })] : undefined,
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    update.mutate(
      { title: title.trim(), description: description.trim(), tags: tagNames },
      {
        onSuccess: () => {
          toast(t('videos.edit.saved'))
          onDone()
        },
        onError: (error) => {
          setErrors(serverFieldErrors(error))
          if (onlyFieldErrors(error, FIELDS)) focusFirstInvalid()
          else focusSoon(summary)
        },
      },
    )
  }

  const showSummary = update.isError && !onlyFieldErrors(update.error, FIELDS)

  return (
    <form ref={formRef} id="edit-video-form" noValidate onSubmit={onSubmit} className="space-y-4">
      {showSummary && (
        <Alert tone="error" ref={summary} focusable title={t('videos.edit.failed')}>
          {errorMessage(update.error, t)}
        </Alert>
      )}
      <TextField
        label={t('videos.fields.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        errors={errors.title}
        maxLength={MAX_TITLE_LENGTH + 50}
        required
      />
      <div>
        <FieldLabel htmlFor={descriptionIds.controlId} optional={t('videos.upload.optional')}>
          {t('videos.fields.description')}
        </FieldLabel>
        <textarea
          id={descriptionIds.controlId}
          rows={4}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          className={controlClasses}
          {...describedBy(descriptionIds, false, Boolean(errors.description?.length))}
        />
        <FieldErrorText id={descriptionIds.errorId} errors={errors.description} />
      </div>
      <TagInput
        label={t('videos.fields.tags')}
        value={tagNames}
        onChange={setTagNames}
        suggestions={tags.data ?? []}
        hint={t('videos.tags.hint')}
        errors={errors.tags}
      />
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}

/** Edit a video's title, description and tags (`PATCH /videos/{id}`). */
export function EditVideoDialog({ video, open, onClose }: { video: Video; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('videos.edit.title')} size="lg" data-testid="edit-video-dialog">
      <EditForm video={video} onDone={onClose} />
    </Dialog>
  )
}
