import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../../../api/frontendConfig'
import type { Me } from '../../../api/session'
import { Alert } from '../../../components/Alert'
import { Button } from '../../../components/Button'
import { Dialog } from '../../../components/Dialog'
import { FileInput } from '../../../components/FileInput'
import { FieldErrorText, FieldHint, FieldLabel, SelectField, controlClasses, describedBy, useFieldIds } from '../../../components/Field'
import { useLanguage } from '../../../i18n/hooks'
import { cx } from '../../../lib/cx'
import { focusSoon } from '../../../lib/forms'
import { formatBytes } from '../../../lib/format'
import { isSubtitleFile, looksLikeMedia, MAX_DESCRIPTION_LENGTH, MAX_SUBTITLE_BYTES, MAX_TITLE_LENGTH, titleFromFileName } from '../format'
import { UploadIcon } from '../icons'
import { groupsQuery, GROUP_PICKER_SIZE } from '../../groups/queries'
import { tagsQuery } from '../queries'
import { TagInput } from '../TagInput'
import { UploadRow } from './UploadRow'
import { useUploadQueue } from './UploadQueue'
import { isInFlight, type UploadState } from './useUploads'

/** Spoken languages offered for the upload (the server accepts any language code). */
const LANGUAGE_CODES = ['en', 'ja', 'zh', 'ko', 'es', 'fr', 'de', 'pt', 'it'] as const

/** The effective per-file limit: the user's own, else the server's. */
export function uploadLimitBytes(user: Me, configMax: number | undefined): number {
  return user.limits.maxUploadBytes || configMax || Number.POSITIVE_INFINITY
}

function DropZone({ onFiles, disabled, limitText }: { onFiles: (files: File[]) => void; disabled: boolean; limitText: string }) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const hintId = useId()

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    if (disabled) return
    onFiles([...event.dataTransfer.files])
  }

  return (
    <div
      onDragOver={(e) => {
        e.preventDefault()
        if (!disabled) setOver(true)
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
      }}
      onDrop={onDrop}
      data-testid="upload-dropzone"
      className={cx(
        'flex flex-col items-center gap-3 rounded-xl border-2 border-dashed px-4 py-8 text-center transition-colors',
        over ? 'border-indigo-500 bg-indigo-50' : 'border-slate-300 bg-slate-50',
        disabled && 'border-slate-200',
      )}
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-white text-indigo-600 shadow-sm" aria-hidden="true">
        <UploadIcon />
      </div>
      <p className="font-medium text-slate-900">{over ? t('videos.upload.dropNow') : t('videos.upload.dropHere')}</p>
      <Button variant="secondary" onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId} data-autofocus>
        {t('videos.upload.choose')}
      </Button>
      <p id={hintId} className="text-sm text-slate-600">
        {limitText}
      </p>
      <input
        ref={input}
        type="file"
        multiple
        accept="video/*,audio/*"
        className="hidden"
        aria-label={t('videos.upload.choose')}
        data-testid="upload-input"
        disabled={disabled}
        onChange={(e) => {
          onFiles([...(e.target.files ?? [])])
          e.target.value = '' // choosing the same file again still fires "change"
        }}
      />
    </div>
  )
}

function SubtitlesField({ file, onChange, errors }: { file: File | undefined; onChange: (file: File | undefined) => void; errors?: string }) {
  const { t } = useTranslation()
  const ids = useFieldIds()
  return (
    <div>
      <FieldLabel htmlFor={ids.controlId} optional={t('videos.upload.optional')}>
        {t('videos.upload.subtitles')}
      </FieldLabel>
      <FileInput
        id={ids.controlId}
        buttonText={t('common.chooseFile')}
        noFileText={t('common.noFileChosen')}
        fileName={file?.name}
        accept=".srt,.vtt,text/vtt,application/x-subrip"
        onChange={(e) => onChange(e.target.files?.[0])}
        {...describedBy(ids, true, Boolean(errors))}
      />
      <FieldHint id={ids.hintId}>{file ? t('videos.upload.subtitlesChosen', { name: file.name }) : t('videos.upload.subtitlesHint')}</FieldHint>
      <FieldErrorText id={ids.errorId} errors={errors} />
    </div>
  )
}

/**
 * Upload one or more videos: drag-and-drop or a file picker, a title per file, shared description, language and
 * tags, subtitles for a single file, client-side checks (type, size, the video limit), then a real progress
 * bar per file with cancel and retry. The files live in the app's upload queue (`useUploadQueue`): closing the
 * dialog while they are being sent leaves them going (the header shows their progress and reopens the dialog);
 * cancelling them all asks first.
 */
export function UploadDialog({
  open,
  onClose,
  user,
  groupId: initialGroupId,
}: {
  open: boolean
  onClose: () => void
  user: Me
  /** Preselects this group (the dialog was opened from a group's page). */
  groupId?: string
}) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const config = useFrontendConfig()
  const tags = useQuery({ ...tagsQuery, enabled: open })
  const groups = useQuery({ ...groupsQuery('', 1, GROUP_PICKER_SIZE), enabled: open })
  const uploads = useUploadQueue()
  const [groupId, setGroupId] = useState(initialGroupId ?? '')
  const [description, setDescription] = useState('')
  const [language, setLanguage] = useState('')
  const [tagNames, setTagNames] = useState<string[]>([])
  const [subtitles, setSubtitles] = useState<File>()
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [titleErrors, setTitleErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState('')

  const maxBytes = uploadLimitBytes(user, config.data?.maxUploadBytes)
  const limitText = Number.isFinite(maxBytes) ? t('videos.upload.limitHint', { size: formatBytes(maxBytes, lang) }) : t('videos.upload.noLimitHint')
  const { items } = uploads
  const started = items.some((i) => !['ready', 'rejected'].includes(i.state.kind))
  const { inFlight } = uploads
  // Asked only while something is still being sent; it goes away by itself when the last file finishes.
  const confirmingCancel = confirmCancel && inFlight
  const readyCount = items.filter((i) => i.state.kind === 'ready').length
  const single = items.length === 1
  const videoLimit = user.limits.videoLimit
  const remaining = videoLimit == null ? Number.POSITIVE_INFINITY : Math.max(0, videoLimit - user.usage.videoCount)
  const subtitlesError =
    subtitles && !isSubtitleFile(subtitles)
      ? t('videos.upload.subtitlesType')
      : subtitles && subtitles.size > MAX_SUBTITLE_BYTES
        ? t('videos.upload.subtitlesSize', { size: formatBytes(MAX_SUBTITLE_BYTES, lang) })
        : undefined

  // The footer's buttons change with the phase: keep focus on something that says what happens now.
  const listHeading = useRef<HTMLHeadingElement>(null)
  const dropZone = useRef<HTMLDivElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (confirmingCancel) keepButton.current?.focus()
  }, [confirmingCancel])

  function addFiles(files: File[]) {
    setFormError('')
    let slots = remaining - items.filter((i) => i.state.kind === 'ready' || isInFlight(i)).length
    uploads.add(
      files.map((file) => {
        let state: UploadState = { kind: 'ready' }
        if (!looksLikeMedia(file)) state = { kind: 'rejected', reason: 'type' }
        else if (file.size > maxBytes) state = { kind: 'rejected', reason: 'size' }
        else if (file.size === 0) state = { kind: 'rejected', reason: 'empty' }
        else if (slots <= 0) state = { kind: 'rejected', reason: 'limit' }
        else slots--
        return { file, title: titleFromFileName(file.name).slice(0, MAX_TITLE_LENGTH), state }
      }),
    )
  }

  function resetForm() {
    uploads.reset()
    setDescription('')
    setLanguage('')
    setTagNames([])
    setSubtitles(undefined)
    setGroupId(initialGroupId ?? '')
    setTitleErrors({})
    setFormError('')
    setConfirmCancel(false)
  }

  /** Files still being sent go on in the background; otherwise the next opening starts afresh. */
  function close() {
    if (!inFlight) uploads.reset()
    setConfirmCancel(false)
    onClose()
  }

  function cancelAll() {
    for (const item of items) if (isInFlight(item)) uploads.cancel(item.key)
    setConfirmCancel(false)
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (readyCount === 0) {
      setFormError(items.length === 0 ? t('videos.upload.noFiles') : t('videos.upload.noValidFiles'))
      return
    }
    const errors: Record<string, string> = {}
    for (const item of items) {
      if (item.state.kind !== 'ready') continue
      if (!item.title.trim()) errors[item.key] = t('videos.upload.titleRequired')
      else if (item.title.length > MAX_TITLE_LENGTH) errors[item.key] = t('videos.upload.titleTooLong', { max: MAX_TITLE_LENGTH })
    }
    setTitleErrors(errors)
    if (Object.keys(errors).length > 0 || subtitlesError || description.length > MAX_DESCRIPTION_LENGTH) return
    uploads.submit({
      description,
      language: language || undefined,
      groupId: groupId || undefined,
      tags: tagNames,
      subtitles: single ? subtitles : undefined,
    })
    focusSoon(listHeading)
  }

  function uploadMore() {
    resetForm()
    setTimeout(() => dropZone.current?.querySelector<HTMLElement>('button')?.focus(), 0)
  }

  // The user's groups; the preselected one stays offered while the list loads (or if it is beyond the first page).
  const loadedGroups = (groups.data?.items ?? []).map((g) => ({ id: g.id, name: g.name }))
  const groupOptions =
    initialGroupId && !loadedGroups.some((g) => g.id === initialGroupId)
      ? [{ id: initialGroupId, name: t('videos.upload.thisGroup') }, ...loadedGroups]
      : loadedGroups

  const doneCount = items.filter((i) => i.state.kind === 'done').length
  const finished = started && !inFlight

  const footer = confirmingCancel ? null : !started ? (
    <>
      <Button variant="secondary" onClick={close}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" form="upload-form" disabled={readyCount === 0}>
        <UploadIcon className="size-4" />
        {t('videos.upload.submit', { count: Math.max(readyCount, 1) })}
      </Button>
    </>
  ) : finished ? (
    <>
      <Button variant="secondary" onClick={uploadMore}>
        {t('videos.upload.more')}
      </Button>
      <Button onClick={close}>{t('videos.upload.done')}</Button>
    </>
  ) : (
    <>
      <Button variant="secondary" onClick={() => setConfirmCancel(true)}>
        {t('videos.upload.cancelAll')}
      </Button>
      <Button variant="secondary" onClick={close}>
        {t('common.close')}
      </Button>
    </>
  )

  return (
    <Dialog open={open} onClose={close} title={t('videos.upload.title')} size="lg" footer={footer} data-testid="upload-dialog">
      <form id="upload-form" noValidate onSubmit={onSubmit} className="space-y-5">
        {!started && remaining === 0 && (
          <Alert tone="warning" title={t('videos.upload.limitReachedTitle')}>
            {t('videos.upload.limitReachedBody', { count: videoLimit ?? 0 })}
          </Alert>
        )}
        {!started && (
          <div ref={dropZone}>
            <DropZone onFiles={addFiles} disabled={remaining === 0} limitText={limitText} />
          </div>
        )}

        {items.length > 0 && (
          <section aria-labelledby="upload-files-heading">
            <h3 id="upload-files-heading" ref={listHeading} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none">
              {started
                ? t('videos.upload.progressHeading', { done: doneCount, total: items.length })
                : t('videos.upload.filesHeading', { count: items.length })}
            </h3>
            <ul className="mt-2 divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="upload-list">
              {items.map((item) => (
                <UploadRow
                  key={item.key}
                  item={item}
                  maxBytes={maxBytes}
                  videoLimit={videoLimit ?? null}
                  titleError={titleErrors[item.key]}
                  onTitle={(title) => uploads.setTitle(item.key, title)}
                  onRemove={() => uploads.remove(item.key)}
                  onCancel={() => uploads.cancel(item.key)}
                  onRetry={() => uploads.retry(item.key)}
                />
              ))}
            </ul>
          </section>
        )}

        {formError && <Alert tone="error">{formError}</Alert>}

        {!started && items.length > 0 && (
          <div className="space-y-4">
            {items.length > 1 && <p className="text-sm text-slate-600">{t('videos.upload.sharedHint')}</p>}
            <div>
              <FieldLabel htmlFor="upload-description" optional={t('videos.upload.optional')}>
                {t('videos.fields.description')}
              </FieldLabel>
              <textarea
                id="upload-description"
                rows={2}
                value={description}
                maxLength={MAX_DESCRIPTION_LENGTH}
                onChange={(e) => setDescription(e.target.value)}
                className={controlClasses}
              />
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <TagInput
                label={t('videos.fields.tags')}
                optional={t('videos.upload.optional')}
                value={tagNames}
                onChange={setTagNames}
                suggestions={tags.data ?? []}
                hint={t('videos.tags.hint')}
              />
              <SelectField
                label={t('videos.upload.language')}
                hint={t('videos.upload.languageHint')}
                value={language}
                onChange={(e) => setLanguage(e.target.value)}
              >
                <option value="">{t('videos.upload.languageAuto')}</option>
                {LANGUAGE_CODES.map((code) => (
                  <option key={code} value={code}>
                    {t(`videos.languages.${code}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            {groupOptions.length > 0 && (
              <SelectField
                label={t('videos.upload.group')}
                hint={t('videos.upload.groupHint')}
                value={groupId}
                onChange={(e) => setGroupId(e.target.value)}
                data-testid="upload-group"
              >
                <option value="">{t('videos.upload.noGroup')}</option>
                {groupOptions.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </SelectField>
            )}
            {single ? (
              <SubtitlesField file={subtitles} onChange={setSubtitles} errors={subtitlesError} />
            ) : (
              <p className="text-sm text-slate-600">{t('videos.upload.subtitlesSingleOnly')}</p>
            )}
          </div>
        )}

        {inFlight && !confirmingCancel && <p className="text-sm text-slate-600">{t('videos.upload.backgroundHint')}</p>}

        {confirmingCancel && (
          <Alert
            tone="warning"
            role="alert"
            title={t('videos.upload.confirmCancelTitle')}
            actions={
              <>
                <Button ref={keepButton} variant="secondary" size="sm" onClick={() => setConfirmCancel(false)}>
                  {t('videos.upload.keepUploading')}
                </Button>
                <Button variant="danger" size="sm" onClick={cancelAll}>
                  {t('videos.upload.cancelAll')}
                </Button>
              </>
            }
          >
            {t('videos.upload.confirmCancelBody')}
          </Alert>
        )}
      </form>
    </Dialog>
  )
}
