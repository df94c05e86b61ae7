import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError } from '../../api/errors'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useCountdown } from '../../lib/useCountdown'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { PlayerProvider } from '../videos/player'
import { LinkIcon } from './icons'
import { SharedGroupChat } from './GroupChat'
import { GroupPlayer, GroupTranscript } from './GroupPlayer'
import { PlainMemberList } from './MemberList'
import { sharedGroupQuery, sharedTranscriptQuery, type GroupVideo } from './queries'

function PlayerColumn({ token, video, autoPlay }: { token: string; video: GroupVideo | undefined; autoPlay: boolean }) {
  const { t } = useTranslation()
  const transcript = useQuery({ ...sharedTranscriptQuery(token, video?.id ?? ''), enabled: video?.status === 'ready' })
  if (!video) {
    return (
      <div className="flex aspect-video w-full items-center justify-center rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="player-empty">
        {t('shared.empty')}
      </div>
    )
  }
  return (
    <div className="space-y-6">
      <GroupPlayer key={video.id} video={video} transcript={transcript.data} autoPlay={autoPlay} />
      <GroupTranscript video={video} transcript={transcript} />
    </div>
  )
}

function RateLimited({ seconds, startedAt, onRetry, retrying }: { seconds: number | undefined; startedAt: number; onRetry: () => void; retrying: boolean }) {
  const { t } = useTranslation()
  const left = useCountdown(seconds, startedAt)
  return (
    <EmptyState
      headingLevel={1}
      title={t('shared.rateLimitedTitle')}
      description={left > 0 ? t('shared.rateLimitedSeconds', { count: left }) : t('shared.rateLimitedNow')}
      action={
        <Button variant="secondary" onClick={onRetry} disabled={left > 0} loading={retrying}>
          {t('common.retry')}
        </Button>
      }
    />
  )
}

/**
 * `/share/:token`: what a guest sees of a shared group (no account, and only `/api/v1/shared/...` is called):
 * name and description, the videos in order, the player with captions and the selected video's scenes.
 */
export function SharedGroupPage() {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const group = useQuery(sharedGroupQuery(token))
  const [selectedId, setSelectedId] = useState<string>()
  const [autoPlay, setAutoPlay] = useState(false)
  useDocumentTitle(group.data?.name ?? t('shared.documentTitle'))

  const data = group.data
  const selected = data?.videos.find((v) => v.id === selectedId) ?? data?.videos[0]
  const error = group.error instanceof ApiError ? group.error : undefined

  if (group.isPending) {
    return (
      <div className="space-y-6" aria-busy="true">
        <span className="sr-only" role="status">
          {t('common.loading')}
        </span>
        <Skeleton className="h-9 w-1/2" />
        <div className="grid gap-6 md:grid-cols-5">
          <Skeleton className="aspect-video w-full rounded-2xl md:col-span-3" />
          <Skeleton className="h-64 w-full rounded-2xl md:col-span-2" />
        </div>
      </div>
    )
  }

  if (!data) {
    if (error && (error.status === 404 || error.status === 400)) {
      return (
        <div data-testid="share-gone">
          <EmptyState headingLevel={1} icon={<LinkIcon className="size-6" />} title={t('shared.goneTitle')} description={t('shared.goneBody')} />
        </div>
      )
    }
    if (error && error.status === 429) {
      return <RateLimited seconds={error.retryAfterSeconds} startedAt={group.errorUpdatedAt} onRetry={() => void group.refetch()} retrying={group.isFetching} />
    }
    return <ErrorState title={t('shared.loadFailed')} error={group.error} onRetry={() => void group.refetch()} retrying={group.isFetching} />
  }

  return (
    <div>
      <p className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">{t('shared.eyebrow')}</p>
      <h1 className="mt-1 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 sm:text-3xl">{data.name}</h1>
      {data.description && <p className="mt-2 max-w-3xl whitespace-pre-line text-slate-600">{data.description}</p>}
      <PlayerProvider>
        <div className="mt-6 grid gap-6 md:grid-cols-5 md:items-start lg:gap-8">
          <div className="min-w-0 space-y-6 md:col-span-3">
            <PlayerColumn token={token} video={selected} autoPlay={autoPlay} />
            {data.videos.length > 0 && (
              <SharedGroupChat
                token={token}
                videos={data.videos}
                selectedId={selected?.id}
                select={(videoId) => {
                  setSelectedId(videoId)
                  setAutoPlay(true)
                }}
              />
            )}
          </div>
          <section aria-labelledby="shared-videos-heading" className="min-w-0 md:col-span-2">
            <h2 id="shared-videos-heading" className="mb-3 font-semibold text-slate-900">
              {t('shared.videos', { count: data.videos.length })}
            </h2>
            {data.videos.length === 0 ? (
              <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{t('shared.empty')}</p>
            ) : (
              <PlainMemberList
                videos={data.videos}
                selectedId={selected?.id}
                label={t('shared.videosLabel')}
                onSelect={(video) => {
                  setSelectedId(video.id)
                  setAutoPlay(true)
                }}
              />
            )}
          </section>
        </div>
      </PlayerProvider>
    </div>
  )
}
