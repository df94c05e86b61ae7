import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../components/Button'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useLanguage } from '../../i18n/hooks'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { formatRelative } from '../../lib/format'
import { formatDuration } from './format'
import { DEFAULT_LIST_PARAMS } from './listParams'
import { videosQuery, type Video } from './queries'
import { VideoStatusBadge } from './VideoStatus'
import { VideoThumbnail } from './VideoThumbnail'

export const RECENT_COUNT = 4

/** `GET /videos?pageSize=4`: the newest videos and the total, for the dashboard. */
export function useRecentVideos() {
  return useQuery(videosQuery(DEFAULT_LIST_PARAMS, RECENT_COUNT))
}

function RecentItem({ video }: { video: Video }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const detail =
    video.status === 'processing'
      ? t('videos.progress.percent', { value: video.progress })
      : video.durationSeconds
        ? formatDuration(video.durationSeconds)
        : t('videos.card.added', { when: formatRelative(video.createdAt, lang) })
  return (
    <li className="relative flex items-center gap-3 rounded-xl p-2 hover:bg-slate-50 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600">
      <VideoThumbnail video={video} size="sm" className="w-24 shrink-0 rounded-lg sm:w-28" />
      <div className="min-w-0 flex-1">
        <LocalizedLink
          to={`/videos/${video.id}`}
          className="line-clamp-2 text-sm font-semibold [overflow-wrap:anywhere] text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
        >
          {video.title}
        </LocalizedLink>
        <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
          <VideoStatusBadge status={video.status} />
          <span className="tabular-nums">{detail}</span>
        </div>
      </div>
    </li>
  )
}

/** The dashboard's list of the newest videos with their status (loading, error and empty states included). */
export function RecentVideosList({ query }: { query: ReturnType<typeof useRecentVideos> }) {
  const { t } = useTranslation()
  if (query.isPending) {
    return (
      <ul className="space-y-2" aria-busy="true" data-testid="recent-videos-loading">
        {Array.from({ length: 3 }, (_, i) => (
          <li key={i} className="flex items-center gap-3 p-2">
            <Skeleton className="aspect-video w-24 rounded-lg sm:w-28" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-3 w-1/3" />
            </div>
          </li>
        ))}
      </ul>
    )
  }
  if (query.isError) {
    return <ErrorState title={t('home.videos.loadFailed')} error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
  }
  if (query.data.items.length === 0) return null
  return (
    <ul className="-mx-2 space-y-1" data-testid="recent-videos">
      {query.data.items.map((video) => (
        <RecentItem key={video.id} video={video} />
      ))}
    </ul>
  )
}

export function GoToVideos() {
  const { t } = useTranslation()
  return <ButtonLink to="/videos">{t('home.start.videosAction')}</ButtonLink>
}
