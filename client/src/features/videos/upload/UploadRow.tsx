import { useTranslation } from 'react-i18next'
import { ApiError } from '../../../api/errors'
import { Button } from '../../../components/Button'
import { errorMessage } from '../../../components/ErrorState'
import { FieldErrorText, controlClasses, describedBy, useFieldIds } from '../../../components/Field'
import { ProgressBar } from '../../../components/ProgressBar'
import { useLanguage } from '../../../i18n/hooks'
import { formatBytes } from '../../../lib/format'
import { CheckCircleIcon, FileIcon, XIcon } from '../icons'
import type { UploadItem } from './useUploads'
import type { TFunction } from 'i18next'

/** The message for a failed upload, from the problem's `code` (in the UI language) or its details. */
export function uploadErrorMessage(error: unknown, t: TFunction, limits: { maxBytes: number; videoLimit: number | null; lang: string }): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'file_too_large':
      case 'payload_too_large':
        return t('videos.upload.errors.tooLarge', { size: formatBytes(limits.maxBytes, limits.lang) })
      case 'form_too_large':
      case 'upload_size_mismatch':
        return t(`errors.codes.${error.code}`)
      case 'video_limit_reached':
        return limits.videoLimit == null ? t('errors.codes.video_limit_reached') : t('videos.upload.errors.limit', { count: limits.videoLimit })
      case 'unsupported_media':
      case 'unsupported_media_type':
        return t('videos.upload.errors.unsupported')
      case 'empty_file':
        return t('videos.upload.errors.empty')
    }
    if (error.status === 413) return t('videos.upload.errors.tooLarge', { size: formatBytes(limits.maxBytes, limits.lang) })
    if (error.status === 400) {
      const messages = Object.values(error.errors).flat()
      if (messages.length > 0) return messages.join(' ')
    }
  }
  return errorMessage(error, t)
}

function RowTitle({ item, titleError, onTitle }: { item: UploadItem; titleError?: string; onTitle: (title: string) => void }) {
  const { t } = useTranslation()
  const ids = useFieldIds()
  return (
    <div className="mt-2">
      <label htmlFor={ids.controlId} className="sr-only">
        {t('videos.upload.titleFor', { name: item.file.name })}
      </label>
      <div className="flex flex-col gap-1 min-[420px]:flex-row min-[420px]:items-center min-[420px]:gap-2">
        <span className="shrink-0 text-xs font-medium text-slate-600" aria-hidden="true">
          {t('videos.fields.title')}
        </span>
        <input
          id={ids.controlId}
          type="text"
          value={item.title}
          maxLength={250}
          onChange={(e) => onTitle(e.target.value)}
          className={controlClasses + ' py-1.5'}
          {...describedBy(ids, false, Boolean(titleError))}
        />
      </div>
      <FieldErrorText id={ids.errorId} errors={titleError} />
    </div>
  )
}

/** One file in the upload dialog: its name and size, then its title, its problem, or its progress. */
export function UploadRow({
  item,
  maxBytes,
  videoLimit,
  titleError,
  onTitle,
  onRemove,
  onCancel,
  onRetry,
}: {
  item: UploadItem
  maxBytes: number
  videoLimit: number | null
  titleError?: string
  onTitle: (title: string) => void
  onRemove: () => void
  onCancel: () => void
  onRetry: () => void
}) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const { state, file } = item
  const name = file.name

  let body = null
  let action = null
  switch (state.kind) {
    case 'ready':
      body = <RowTitle item={item} titleError={titleError} onTitle={onTitle} />
      break
    case 'rejected':
      body = (
        <p className="mt-1 text-sm font-medium text-red-700" data-testid="upload-error">
          {state.reason === 'size'
            ? t('videos.upload.errors.tooLarge', { size: formatBytes(maxBytes, lang) })
            : state.reason === 'type'
              ? t('videos.upload.errors.notMedia')
              : state.reason === 'empty'
                ? t('videos.upload.errors.empty')
                : t('videos.upload.errors.limit', { count: videoLimit ?? 0 })}
        </p>
      )
      break
    case 'waiting':
      body = <p className="mt-1 text-sm text-slate-600">{t('videos.upload.waiting')}</p>
      action = (
        <Button variant="ghost" size="sm" onClick={onCancel} aria-label={t('videos.upload.cancelFor', { name })}>
          {t('common.cancel')}
        </Button>
      )
      break
    case 'uploading': {
      const percent = state.total > 0 ? (state.loaded / state.total) * 100 : 0
      const sent = state.loaded >= state.total
      body = (
        <div className="mt-2 space-y-1.5">
          <ProgressBar
            value={sent ? 100 : percent}
            label={t('videos.upload.progressLabel', { name })}
            valueText={t('videos.upload.progressText', {
              sent: formatBytes(Math.min(state.loaded, state.total), lang),
              total: formatBytes(state.total, lang),
              percent: Math.floor(percent),
            })}
            size="md"
            data-testid="upload-progress"
          />
          <p className="flex justify-between gap-2 text-xs text-slate-600 tabular-nums">
            <span>
              {sent
                ? t('videos.upload.finishing')
                : t('videos.upload.bytes', { sent: formatBytes(state.loaded, lang), total: formatBytes(state.total, lang) })}
            </span>
            <span data-testid="upload-percent">{t('videos.progress.percent', { value: Math.floor(percent) })}</span>
          </p>
        </div>
      )
      action = (
        <Button variant="ghost" size="sm" onClick={onCancel} aria-label={t('videos.upload.cancelFor', { name })}>
          {t('common.cancel')}
        </Button>
      )
      break
    }
    case 'done':
      body = (
        <p className="mt-1 flex items-center gap-1.5 text-sm font-medium text-emerald-700" data-testid="upload-done">
          <CheckCircleIcon className="size-4" />
          {t('videos.upload.uploaded')}
        </p>
      )
      break
    case 'failed':
      body = (
        <p className="mt-1 text-sm font-medium text-red-700" data-testid="upload-error">
          {uploadErrorMessage(state.error, t, { maxBytes, videoLimit, lang })}
        </p>
      )
      action = (
        <Button variant="ghost" size="sm" onClick={onRetry} aria-label={t('videos.upload.retryFor', { name })}>
          {t('common.retry')}
        </Button>
      )
      break
    case 'cancelled':
      body = <p className="mt-1 text-sm text-slate-600">{t('videos.upload.cancelled')}</p>
      action = (
        <Button variant="ghost" size="sm" onClick={onRetry} aria-label={t('videos.upload.retryFor', { name })}>
          {t('common.retry')}
        </Button>
      )
      break
  }

  // Announced once per outcome; the progress itself is read from the progress bar on demand.
  const announcement =
    state.kind === 'done'
      ? t('videos.upload.announceDone', { name })
      : state.kind === 'failed'
        ? t('videos.upload.announceFailed', { name })
        : state.kind === 'cancelled'
          ? t('videos.upload.announceCancelled', { name })
          : ''

  if (state.kind === 'ready' || state.kind === 'rejected') {
    action = (
      <button
        type="button"
        onClick={onRemove}
        aria-label={t('videos.upload.removeFor', { name })}
        className="flex size-9 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <XIcon className="size-5" />
      </button>
    )
  }

  return (
    <li className="flex items-start gap-3 p-3" data-testid="upload-row" data-state={state.kind}>
      <FileIcon className={state.kind === 'rejected' || state.kind === 'failed' ? 'mt-0.5 size-6 shrink-0 text-red-500' : 'mt-0.5 size-6 shrink-0 text-indigo-500'} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="min-w-0 font-medium break-all text-slate-900">{name}</span>
          <span className="text-slate-500">{formatBytes(file.size, lang)}</span>
        </p>
        {body}
        <span className="sr-only" aria-live="polite">
          {announcement}
        </span>
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </li>
  )
}
