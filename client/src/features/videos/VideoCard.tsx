import { useTranslation } from 'react-i18next'
import { useLanguage } from '../../i18n/hooks'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { formatBytes, formatRelative } from '../../lib/format'
import { formatDuration } from './format'
import type { Video } from './queries'
import { TagDot } from './TagInput'
import { useLiveVideo } from './useLiveVideo'
import { VideoProgress, VideoStatusBadge } from './VideoStatus'
import { VideoThumbnail } from './VideoThumbnail'

/** Where the detail page's "back" link returns to (the list with its filters). */
export interface FromState {
  from?: string
}

export function DurationLabel({ seconds }: { seconds: number }) {
  const { t } = useTranslation()
  return (
    <span className="rounded-md bg-slate-900/80 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
      <span className="sr-only">{t('videos.card.duration')} </span>
      {formatDuration(seconds)}
    </span>
  )
}

/**
 * One video in the grid: thumbnail with status and length, title (the link to the detail page, stretched over
 * the whole card), when it was added, live progress while it is processed, and its tags (buttons that filter
 * the list by that tag).
 */
export function VideoCard({ video, from, onTag }: { video: Video; from?: string; onTag?: (name: string) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  useLiveVideo(video, 'library')

  return (
    <li className="min-w-0">
      <article
        className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600 has-[a:focus-visible]:ring-offset-2"
        data-testid="video-card"
        data-video-id={video.id}
      >
        <div className="relative">
          <VideoThumbnail video={video} className="transition-transform duration-300 motion-safe:group-hover:scale-[1.02]" />
          <VideoStatusBadge status={video.status} className="absolute top-2 left-2 shadow-sm" />
          {video.durationSeconds != null && video.durationSeconds > 0 && (
            <span className="absolute right-2 bottom-2">
              <DurationLabel seconds={video.durationSeconds} />
            </span>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-2 p-4">
          <h3 className="line-clamp-2 leading-snug font-semibold [overflow-wrap:anywhere] text-slate-900">
            <LocalizedLink
              to={`/videos/${video.id}`}
              state={{ from } satisfies FromState}
              className="after:absolute after:inset-0 after:content-[''] hover:text-indigo-700 focus-visible:outline-none"
            >
              {video.title}
            </LocalizedLink>
          </h3>
          <p className="text-xs text-slate-500">
            {t('videos.card.added', { when: formatRelative(video.createdAt, lang) })}
            {t('common.listSeparator')}
            {formatBytes(video.sizeBytes, lang)}
          </p>
          {video.status !== 'ready' && <VideoProgress video={video} compact />}
          {video.tags.length > 0 && (
            <ul className="relative z-10 mt-auto flex flex-wrap gap-1.5 pt-1" aria-label={t('videos.card.tags')}>
              {video.tags.map((tag) => (
                <li key={tag.id} className="min-w-0">
                  {onTag ? (
                    <button
                      type="button"
                      onClick={() => onTag(tag.name)}
                      aria-label={t('videos.card.filterByTag', { name: tag.name })}
                      className="flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
                    >
                      <TagDot color={tag.color} />
                      <span className="truncate">{tag.name}</span>
                    </button>
                  ) : (
                    <span className="flex max-w-full items-center gap-1.5 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700">
                      <TagDot color={tag.color} />
                      <span className="truncate">{tag.name}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </article>
    </li>
  )
}

export function VideoCardSkeleton() {
  return (
    <li className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm" aria-hidden="true">
      <div className="aspect-video animate-pulse bg-slate-200 motion-reduce:animate-none" />
      <div className="space-y-2 p-4">
        <div className="h-4 w-3/4 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
        <div className="h-3 w-1/2 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
        <div className="h-3 w-1/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      </div>
    </li>
  )
}
