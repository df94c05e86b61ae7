import { useTranslation } from 'react-i18next'
import { Badge, type BadgeTone } from '../../components/Badge'
import { ProgressBar } from '../../components/ProgressBar'
import { Spinner } from '../../components/Spinner'
import { cx } from '../../lib/cx'
import { failureSummary } from './failure'
import type { Video, VideoStatus } from './queries'

const tones: Record<VideoStatus, BadgeTone> = {
  uploaded: 'neutral',
  queued: 'amber',
  processing: 'indigo',
  ready: 'green',
  failed: 'red',
}

export function VideoStatusBadge({ status, className }: { status: VideoStatus; className?: string }) {
  const { t } = useTranslation()
  return (
    <Badge tone={tones[status]} className={className}>
      <span data-testid="video-status" data-status={status}>
        {t(`videos.status.${status}`)}
      </span>
    </Badge>
  )
}

/**
 * What is happening to a video that is not ready yet: "Waiting to be processed", the processing stage with a
 * progress bar, or the error. Nothing for a ready video.
 */
export function VideoProgress({
  video,
  compact = false,
  announce = false,
}: {
  video: Pick<Video, 'title' | 'status' | 'stage' | 'progress' | 'error'>
  compact?: boolean
  /** Announce status and stage changes (not every percent) to screen readers. */
  announce?: boolean
}) {
  const { t } = useTranslation()
  const { status } = video

  let content = null
  if (status === 'uploaded' || status === 'queued') {
    content = (
      <p className="flex items-center gap-2 text-sm text-slate-600">
        <span className="relative flex size-2 shrink-0" aria-hidden="true">
          <span className="absolute inline-flex size-full rounded-full bg-amber-400 opacity-75 motion-safe:animate-ping" />
          <span className="relative inline-flex size-2 rounded-full bg-amber-500" />
        </span>
        {t('videos.progress.waiting')}
      </p>
    )
  } else if (status === 'processing') {
    const stage = video.stage ? t(`videos.stage.${video.stage}`) : t('videos.progress.starting')
    content = (
      <div className="space-y-1.5">
        <p className="flex items-center justify-between gap-2 text-sm text-slate-700">
          <span className="flex min-w-0 items-center gap-1.5">
            <Spinner size="sm" decorative className="shrink-0 text-indigo-600" />
            <span className="truncate">{stage}</span>
          </span>
          <span className="font-medium tabular-nums" data-testid="video-progress-value">
            {t('videos.progress.percent', { value: video.progress })}
          </span>
        </p>
        <ProgressBar
          value={video.progress}
          label={t('videos.progress.label', { title: video.title })}
          valueText={t('videos.progress.valueText', { stage, value: video.progress })}
          size={compact ? 'sm' : 'md'}
        />
      </div>
    )
  } else if (status === 'failed') {
    content = (
      <p className={cx('text-sm text-red-700', compact && 'line-clamp-2')}>
        {failureSummary(video.error, t)}
      </p>
    )
  }

  const announcement = [t(`videos.status.${status}`), status === 'processing' && video.stage ? t(`videos.stage.${video.stage}`) : '']
    .filter(Boolean)
    .join(t('common.listSeparator'))

  return (
    <div data-testid="video-progress">
      {content}
      {announce && (
        <span className="sr-only" aria-live="polite" aria-atomic="true">
          {announcement}
        </span>
      )}
    </div>
  )
}
