import { useQuery, type UseMutationResult } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../api/errors'
import { Alert } from '../../../components/Alert'
import { Button } from '../../../components/Button'
import { FileInput } from '../../../components/FileInput'
import { Dialog } from '../../../components/Dialog'
import { ErrorState, errorMessage } from '../../../components/ErrorState'
import { controlClasses, describedBy, FieldErrorText, FieldHint, FieldLabel, useFieldIds } from '../../../components/Field'
import { Spinner } from '../../../components/Spinner'
import { useToast } from '../../../components/Toast'
import { useLanguage } from '../../../i18n/hooks'
import { formatBytes } from '../../../lib/format'
import { cx } from '../../../lib/cx'
import { serverFieldErrors } from '../../../lib/forms'
import { isSubtitleFile } from '../format'
import type { Video } from '../queries'
import { MAX_TRANSCRIPT_BYTES, toWebVtt, transcriptVttQuery, useSaveTranscript } from './queries'

const EMPTY_DOCUMENT = 'WEBVTT\n\n'

function isBusy(video: Video): boolean {
  return video.status === 'uploaded' || video.status === 'queued' || video.status === 'processing'
}

type SaveMutation = UseMutationResult<Video, Error, string>

interface FormProps {
  video: Video
  save: SaveMutation
  dirtyRef: RefObject<boolean>
  confirming: boolean
  onKeepEditing: () => void
  onDiscard: () => void
  onCancel: () => void
  onSaved: () => void
}

function EditorForm({ video, save, dirtyRef, confirming, onKeepEditing, onDiscard, onCancel, onSaved }: FormProps) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const vtt = useQuery({
    ...transcriptVttQuery(video.id),
    // No transcript yet is an answer, not a failure to retry.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  })
  const missing = vtt.error instanceof ApiError && vtt.error.status === 404
  const loaded = vtt.data ?? (missing ? EMPTY_DOCUMENT : undefined)
  const [edited, setEdited] = useState<string | null>(null)
  const text = edited ?? loaded ?? ''
  const [localError, setLocalError] = useState('')
  const [fileNote, setFileNote] = useState('')
  const [fileError, setFileError] = useState('')
  const textarea = useRef<HTMLTextAreaElement>(null)
  const keepButton = useRef<HTMLButtonElement>(null)
  const ids = useFieldIds()
  const fileId = useId()
  const busyId = useId()
  const busy = isBusy(video)

  useEffect(() => {
    dirtyRef.current = edited !== null && edited !== loaded
  }, [dirtyRef, edited, loaded])

  useEffect(() => {
    if (confirming) keepButton.current?.focus()
  }, [confirming])

  // The text area appears once the transcript has loaded (after the dialog focused what it had): focus it then.
  const ready = loaded !== undefined
  useEffect(() => {
    if (ready) textarea.current?.focus()
  }, [ready])

  // The server's validation message goes next to the text; focus the text so it is read out and can be fixed.
  const serverError = save.error
  const validation = serverError instanceof ApiError && serverError.status === 400
  const bodyErrors = serverFieldErrors(serverError).body ?? []
  const fieldErrors: string[] = validation ? (bodyErrors.length > 0 ? [...bodyErrors] : [errorMessage(serverError, t)]) : []
  if (localError) fieldErrors.unshift(localError)
  const hasFieldErrors = fieldErrors.length > 0
  useEffect(() => {
    if (hasFieldErrors) textarea.current?.focus()
  }, [hasFieldErrors, serverError, localError])

  const formError =
    serverError && !validation
      ? serverError instanceof ApiError && serverError.status === 413
        ? t('videos.editor.tooLarge', { size: formatBytes(MAX_TRANSCRIPT_BYTES, lang) })
        : errorMessage(serverError, t)
      : ''

  const change = (value: string) => {
    setEdited(value)
    setLocalError('')
    if (save.isError) save.reset()
  }

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = ''
    setFileNote('')
    setFileError('')
    if (!file) return
    if (!isSubtitleFile(file)) {
      setFileError(t('videos.editor.fileType'))
      return
    }
    if (file.size > MAX_TRANSCRIPT_BYTES) {
      setFileError(t('videos.editor.fileTooLarge', { size: formatBytes(MAX_TRANSCRIPT_BYTES, lang) }))
      return
    }
    try {
      change(toWebVtt(await file.text()))
      setFileNote(t('videos.editor.fileLoaded', { name: file.name }))
    } catch {
      setFileError(t('videos.editor.fileUnreadable'))
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (busy || save.isPending) return
    const body = text.replace(/\r\n?/g, '\n')
    if (body.replace(/^\uFEFF?WEBVTT[^\n]*/, '').trim() === '') {
      setLocalError(t('videos.editor.empty'))
      return
    }
    if (new Blob([body]).size > MAX_TRANSCRIPT_BYTES) {
      setLocalError(t('videos.editor.fileTooLarge', { size: formatBytes(MAX_TRANSCRIPT_BYTES, lang) }))
      return
    }
    save.mutate(body, {
      onSuccess: () => {
        toast(t('videos.editor.saved'))
        onSaved()
      },
    })
  }

  if (vtt.isPending) {
    return (
      <p className="flex items-center gap-2 py-8 text-sm text-slate-600" role="status">
        <Spinner size="sm" decorative />
        {t('videos.editor.loading')}
      </p>
    )
  }
  if (vtt.isError && !missing) {
    return (
      <div className="space-y-4">
        <ErrorState title={t('videos.editor.loadFailed')} error={vtt.error} onRetry={() => void vtt.refetch()} retrying={vtt.isFetching} />
        <div className="flex justify-end">
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    )
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <div>
        <FieldLabel htmlFor={ids.controlId}>{t('videos.editor.label')}</FieldLabel>
        <textarea
          ref={textarea}
          id={ids.controlId}
          value={text}
          onChange={(event) => change(event.target.value)}
          rows={16}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          readOnly={save.isPending}
          className={cx(controlClasses, 'min-h-64 resize-y font-mono text-sm leading-relaxed whitespace-pre sm:text-sm')}
          data-autofocus
          {...describedBy(ids, true, hasFieldErrors)}
        />
        <FieldHint id={ids.hintId}>{t('videos.editor.hint')}</FieldHint>
        <FieldErrorText id={ids.errorId} errors={fieldErrors} />
      </div>

      <div>
        <label htmlFor={fileId} className="text-sm font-medium text-slate-900">
          {t('videos.editor.upload')}
        </label>
        {/* The file is read into the editor and the input cleared, so no file name is kept beside the button. */}
        <FileInput
          id={fileId}
          buttonText={t('common.chooseFile')}
          containerClassName="mt-1.5"
          accept=".srt,.vtt,text/vtt,application/x-subrip"
          onChange={(event) => void chooseFile(event)}
          disabled={save.isPending}
          aria-describedby={`${fileId}-hint`}
        />
        <p id={`${fileId}-hint`} className="mt-1.5 text-sm text-slate-600">
          {t('videos.editor.uploadHint')}
        </p>
        {fileError && <p className="mt-1.5 text-sm font-medium text-red-700">{fileError}</p>}
        <p className="mt-1.5 text-sm text-emerald-800" role="status">
          {fileNote}
        </p>
      </div>

      {formError && (
        <Alert tone="error" title={t('videos.editor.failed')}>
          {formError}
        </Alert>
      )}
      {busy && (
        <Alert tone="info" role="none">
          <span id={busyId}>{t('videos.editor.busy')}</span>
        </Alert>
      )}

      {confirming ? (
        <Alert
          tone="warning"
          role="alert"
          title={t('videos.editor.discardTitle')}
          actions={
            <>
              <Button ref={keepButton} variant="secondary" size="sm" onClick={onKeepEditing}>
                {t('videos.editor.keepEditing')}
              </Button>
              <Button variant="danger" size="sm" onClick={onDiscard}>
                {t('videos.editor.discard')}
              </Button>
            </>
          }
        >
          {t('videos.editor.discardBody')}
        </Alert>
      ) : (
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={busy} aria-describedby={busy ? busyId : undefined}>
            {t('videos.editor.save')}
          </Button>
        </div>
      )}
    </form>
  )
}

/**
 * The transcript editor: the WebVTT text (fetched from `?format=vtt`, or empty when there is none yet) in a
 * monospace text area, or a subtitle file loaded into it. Save sends it as `text/vtt`; the video is then queued
 * and its live progress shows on the page. Closing with unsaved edits asks first.
 */
export function TranscriptEditor({ video, open, onClose }: { video: Video; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const save = useSaveTranscript(video.id)
  const dirty = useRef(false)
  const [confirming, setConfirming] = useState(false)

  const close = () => {
    setConfirming(false)
    dirty.current = false
    save.reset()
    onClose()
  }
  const requestClose = () => {
    if (save.isPending) return
    if (dirty.current) setConfirming(true)
    else close()
  }

  return (
    <Dialog
      open={open}
      onClose={requestClose}
      title={t('videos.editor.title')}
      description={t('videos.editor.description')}
      size="lg"
      dismissible={!save.isPending}
      data-testid="transcript-editor"
    >
      <EditorForm
        video={video}
        save={save}
        dirtyRef={dirty}
        confirming={confirming}
        onKeepEditing={() => setConfirming(false)}
        onDiscard={close}
        onCancel={requestClose}
        onSaved={close}
      />
    </Dialog>
  )
}
