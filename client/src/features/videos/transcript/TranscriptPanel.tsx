import type { UseQueryResult } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../../components/Button'
import { Card } from '../../../components/Card'
import { ErrorState } from '../../../components/ErrorState'
import { Skeleton } from '../../../components/Skeleton'
import { useLanguage } from '../../../i18n/hooks'
import { cx } from '../../../lib/cx'
import { languageName } from '../format'
import { usePlayer } from '../player'
import type { Video } from '../queries'
import { VideoProgress } from '../VideoStatus'
import { formatTimecode, sceneAt, transcriptUrl, type Scene, type Transcript } from './queries'

/** How long after the user last touched the list it is left alone (no automatic scrolling). */
const USER_SCROLL_GRACE_MS = 4000

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

export function SceneList({ scenes }: { scenes: readonly Scene[] }) {
  const { t } = useTranslation()
  const { currentMs, seekTo } = usePlayer()
  const list = useRef<HTMLOListElement>(null)
  const lastUserScroll = useRef(0)
  const active = sceneAt(scenes, currentMs)
  const activeId = active?.id

  // Keep the playing scene in view, inside the list only (the page itself never jumps), unless the user is
  // scrolling the list or has just done so.
  useEffect(() => {
    const container = list.current
    if (!container || !activeId || Date.now() - lastUserScroll.current < USER_SCROLL_GRACE_MS) return
    const item = container.querySelector<HTMLElement>(`[data-scene-id="${activeId}"]`)
    if (!item || typeof container.scrollTo !== 'function') return
    const top = item.offsetTop - container.offsetTop
    const bottom = top + item.offsetHeight
    const { scrollTop, clientHeight } = container
    if (top >= scrollTop && bottom <= scrollTop + clientHeight) return
    container.scrollTo({ top: Math.max(0, top - clientHeight / 3), behavior: prefersReducedMotion() ? 'auto' : 'smooth' })
  }, [activeId])

  const touched = () => {
    lastUserScroll.current = Date.now()
  }

  return (
    // The handlers only notice that the reader scrolled the list (to pause auto-follow); they are not controls.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ol
      ref={list}
      aria-label={t('videos.transcript.scenes')}
      className="-mx-2 max-h-[28rem] space-y-1 overflow-y-auto overscroll-contain px-2 lg:max-h-[32rem]"
      onWheel={touched}
      onTouchMove={touched}
      onPointerDown={(event) => {
        // Dragging the scrollbar lands on the list itself.
        if (event.target === event.currentTarget) touched()
      }}
      onKeyDown={(event) => {
        if (['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown'].includes(event.key)) touched()
      }}
      data-testid="scene-list"
    >
      {scenes.map((scene) => {
        const current = scene.id === activeId
        const start = formatTimecode(scene.startMs)
        const end = formatTimecode(scene.endMs)
        return (
          <li
            key={scene.id}
            data-scene-id={scene.id}
            className={cx('rounded-xl p-2 transition-colors', current ? 'bg-indigo-50 ring-1 ring-indigo-200' : 'hover:bg-slate-50')}
            data-testid="scene"
          >
            <button
              type="button"
              onClick={() => seekTo(scene.startMs)}
              aria-current={current ? 'true' : undefined}
              aria-label={t('videos.transcript.seekTo', { range: t('videos.transcript.range', { start, end }) })}
              className={cx(
                'rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600',
                current ? 'bg-indigo-600 text-white' : 'bg-slate-100 text-indigo-800 hover:bg-indigo-100',
              )}
              data-testid="scene-seek"
              data-start-ms={scene.startMs}
            >
              {t('videos.transcript.range', { start, end })}
            </button>
            <p className={cx('mt-1 px-1.5 text-sm leading-relaxed', current ? 'text-slate-900' : 'text-slate-700')}>{scene.text}</p>
          </li>
        )
      })}
    </ol>
  )
}

export function TranscriptSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="space-y-3" aria-busy="true">
      <span className="sr-only" role="status">
        {t('common.loading')}
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-2">
          <Skeleton className="h-5 w-24" />
          <Skeleton className="h-10 w-full" />
        </div>
      ))}
    </div>
  )
}

/**
 * The "Transcript" panel: the scenes with timestamps that seek the player and follow playback, the source and
 * language, downloads, and the way into the editor. While the video is being processed it shows the progress.
 */
export function TranscriptPanel({
  video,
  transcript,
  onEdit,
}: {
  video: Video
  transcript: UseQueryResult<Transcript>
  onEdit: () => void
}) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const busy = video.status === 'uploaded' || video.status === 'queued' || video.status === 'processing'
  const data = transcript.data
  const scenes = data?.scenes ?? []
  const hasTranscript = (data?.segments.length ?? 0) > 0 || scenes.length > 0

  let body
  if (busy) {
    body = (
      <div className="space-y-3 rounded-xl bg-slate-50 p-4" data-testid="transcript-busy">
        <VideoProgress video={video} />
        <p className="text-sm text-slate-600">{t('videos.transcript.busy')}</p>
      </div>
    )
  } else if (transcript.isPending) {
    body = <TranscriptSkeleton />
  } else if (transcript.isError && !data) {
    body = (
      <ErrorState
        title={t('videos.transcript.loadFailed')}
        error={transcript.error}
        onRetry={() => void transcript.refetch()}
        retrying={transcript.isFetching}
      />
    )
  } else if (scenes.length === 0) {
    body = (
      <div className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center" data-testid="transcript-empty">
        <p className="font-medium text-slate-900">{t('videos.transcript.emptyTitle')}</p>
        <p className="mt-1 text-sm text-slate-600">
          {video.status === 'failed' ? t('videos.transcript.emptyFailed') : t('videos.transcript.empty')}
        </p>
      </div>
    )
  } else {
    body = <SceneList scenes={scenes} />
  }

  return (
    <Card as="section" aria-labelledby="transcript-heading" data-testid="transcript-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-baseline gap-2">
          <h2 id="transcript-heading" className="font-semibold text-slate-900">
            {t('videos.transcript.heading')}
          </h2>
          {!busy && scenes.length > 0 && (
            <span className="text-sm text-slate-600" data-testid="scene-count">
              {t('videos.transcript.sceneCount', { count: scenes.length })}
            </span>
          )}
        </div>
        <Button variant="secondary" size="sm" onClick={onEdit}>
          {t('videos.transcript.edit')}
        </Button>
      </div>
      {!busy && data && hasTranscript && (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
          <dl className="flex flex-wrap gap-x-4 gap-y-1 text-slate-600">
            {data.source && (
              <div className="flex gap-1">
                <dt>{t('videos.transcript.source')}</dt>
                <dd className="font-medium text-slate-900" data-testid="transcript-source">
                  {t(`videos.transcript.sources.${data.source}`)}
                </dd>
              </div>
            )}
            {data.language && (
              <div className="flex gap-1">
                <dt>{t('videos.transcript.language')}</dt>
                <dd className="font-medium text-slate-900">{languageName(data.language, lang)}</dd>
              </div>
            )}
          </dl>
          <nav aria-label={t('videos.transcript.downloads')} className="flex gap-3">
            <a
              href={transcriptUrl(video.id, 'srt')}
              download
              className="rounded font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {t('videos.transcript.downloadSrt')}
            </a>
            <a
              href={transcriptUrl(video.id, 'vtt')}
              download
              className="rounded font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {t('videos.transcript.downloadVtt')}
            </a>
          </nav>
        </div>
      )}
      <div className="mt-4">{body}</div>
    </Card>
  )
}
