import type { TFunction } from 'i18next'
import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Controller } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, FieldLabel, TextField, controlClasses, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { applyServerErrors, errorMessages, focusOnMount, optionalText, requiredText, useSchemaForm } from '../../lib/forms'
import { tagsQuery, useUpdateVideo, type Video } from './queries'
import { MAX_TAG_LENGTH, MAX_TAGS, TagInput } from './TagInput'
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from './format'

/** `PATCH /videos/{id}` (UpdateVideoValidator: Video.MaxTitleLength, MaxDescriptionLength, at most 20 tags of 50). */
const editVideoSchema = (t: TFunction) =>
  z.object({
    title: requiredText(MAX_TITLE_LENGTH, {
      required: t('videos.upload.titleRequired'),
      tooLong: t('videos.upload.titleTooLong', { max: MAX_TITLE_LENGTH }),
    }),
    description: optionalText(MAX_DESCRIPTION_LENGTH, t('videos.edit.descriptionTooLong', { max: MAX_DESCRIPTION_LENGTH })),
    // One message for the whole list (the tag box is one control).
    tags: z.array(z.string().check(z.trim())).check(
      z.maxLength(MAX_TAGS, { error: t('videos.tags.tooMany', { max: MAX_TAGS }) }),
      z.refine((list) => list.every((tag) => tag.length > 0 && tag.length <= MAX_TAG_LENGTH), {
        error: t('videos.tags.tooLong', { max: MAX_TAG_LENGTH }),
      }),
    ),
  })

function EditForm({ video, onDone }: { video: Video; onDone: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const update = useUpdateVideo(video.id)
  const tags = useQuery(tagsQuery)
  const schema = useMemo(() => editVideoSchema(t), [t])
  const form = useSchemaForm(schema, {
    defaultValues: { title: video.title, description: video.description ?? '', tags: video.tags.map((tag) => tag.name) },
  })
  const { errors } = form.formState
  const descriptionIds = useFieldIds()
  const descriptionErrors = errorMessages(errors.description)

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(values, {
      onSuccess: () => {
        toast(t('videos.edit.saved'))
        onDone()
      },
      onError: (error) => applyServerErrors(form, error),
    }),
  )

  return (
    <form id="edit-video-form" noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-4">
      {errors.root?.server && (
        <Alert tone="error" ref={focusOnMount} focusable title={t('videos.edit.failed')}>
          {errorMessage(update.error, t)}
        </Alert>
      )}
      <TextField
        label={t('videos.fields.title')}
        {...form.register('title')}
        errors={errorMessages(errors.title)}
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
          {...form.register('description')}
          className={controlClasses}
          {...describedBy(descriptionIds, false, descriptionErrors.length > 0)}
        />
        <FieldErrorText id={descriptionIds.errorId} errors={descriptionErrors} />
      </div>
      <Controller
        control={form.control}
        name="tags"
        render={({ field, fieldState }) => (
          <TagInput
            label={t('videos.fields.tags')}
            value={field.value}
            onChange={field.onChange}
            suggestions={tags.data ?? []}
            hint={t('videos.tags.hint')}
            errors={errorMessages(fieldState.error)}
          />
        )}
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
