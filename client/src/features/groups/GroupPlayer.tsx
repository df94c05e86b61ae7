import type { UseQueryResult } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorState } from '../../components/ErrorState'
import { usePlayer } from '../videos/player'
import { SceneList, TranscriptSkeleton } from '../videos/transcript/TranscriptPanel'
import { transcriptVersion, type Transcript } from '../videos/transcript/queries'
import { VideoStatusBadge } from '../videos/VideoStatus'
import { withFormat, type GroupVideo } from './queries'

/**
 * The selected member in a `<video>` (inside the page's `PlayerProvider`), with captions from the video's
 * `transcriptUrl?format=vtt` once it is ready and has lines. `renewSession` (owners only) is tried once when the
 * media fails, as the video page does; guests have no session to renew.
 */
export function GroupPlayer({
  video,
  transcript,
  autoPlay = false,
  renewSession,
}: {
  video: GroupVideo
  transcript: Transcript | undefined
  /** Start playing once loaded (after the user picked this video; browsers allow it after a click). */
  autoPlay?: boolean
  renewSession?: () => Promise<boolean>
}) {
  const { t } = useTranslation()
  const { attach } = usePlayer()
  const [attempt, setAttempt] = useState(0)
  const [failed, setFailed] = useState(false)

  const onError = () => {
    if (attempt > 0 || !renewSession) {
      setFailed(true)
      return
    }
    void renewSession().then((renewed) => (renewed ? setAttempt(1) : setFailed(true)))
  }

  const segments = transcript?.segments
  const captions = useMemo(
    () =>
      video.status === 'ready' && segments && segments.length > 0
        ? withFormat(video.transcriptUrl, 'vtt', transcriptVersion(segments))
        : undefined,
    [video.status, video.transcriptUrl, segments],
  )

  return (
    <div className="space-y-3">
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the captions track is added once the transcript is ready (below) */}
      <video
        // A new element per video, so the previous one's position and captions never leak into the next.
        key={`${video.id}-${attempt}`}
        ref={attach}
        controls
        autoPlay={autoPlay}
        playsInline
        preload="metadata"
        src={video.mediaUrl}
        poster={video.thumbnailUrl ?? undefined}
        onError={onError}
        aria-label={t('videos.detail.player', { title: video.title })}
        className="aspect-video w-full rounded-2xl bg-slate-950 shadow-sm"
        data-testid="video-player"
      >
        {captions && (
          <track key={captions} kind="captions" src={captions} srcLang={transcript?.language ?? undefined} label={t('videos.transcript.captions')} default />
        )}
      </video>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="min-w-0 text-lg font-semibold [overflow-wrap:anywhere] text-slate-900" data-testid="now-playing">
          {video.title}
        </h2>
        {video.status !== 'ready' && <VideoStatusBadge status={video.status} />}
      </div>
      {failed && (
        <Alert
          tone="error"
          title={t('videos.detail.playerFailed')}
          actions={
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setFailed(false)
                setAttempt((a) => a + 1)
              }}
            >
              {t('common.retry')}
            </Button>
          }
        >
          {t('videos.detail.playerFailedBody')}
        </Alert>
      )}
    </div>
  )
}

/** The selected member's scenes (read-only: timestamps seek the player and follow playback). */
export function GroupTranscript({ video, transcript }: { video: GroupVideo; transcript: UseQueryResult<Transcript> }) {
  const { t } = useTranslation()
  const ready = video.status === 'ready'
  const scenes = transcript.data?.scenes ?? []

  let body
  if (!ready) {
    body = (
      <p className="rounded-xl bg-slate-50 p-4 text-sm text-slate-600" data-testid="transcript-not-ready">
        {video.status === 'failed' ? t('groups.player.failed') : t('groups.player.notReady')}
      </p>
    )
  } else if (transcript.isPending) {
    body = <TranscriptSkeleton />
  } else if (transcript.isError && !transcript.data) {
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
      </div>
    )
  } else {
    body = <SceneList scenes={scenes} />
  }

  return (
    <Card as="section" aria-labelledby="group-transcript-heading" data-testid="transcript-panel">
      <div className="flex items-baseline gap-2">
        <h2 id="group-transcript-heading" className="font-semibold text-slate-900">
          {t('videos.transcript.heading')}
        </h2>
        {ready && scenes.length > 0 && (
          <span className="text-sm text-slate-600" data-testid="scene-count">
            {t('videos.transcript.sceneCount', { count: scenes.length })}
          </span>
        )}
      </div>
      <div className="mt-4">{body}</div>
    </Card>
  )
}
