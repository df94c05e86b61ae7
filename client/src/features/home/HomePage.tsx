import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../api/session'
import { Badge } from '../../components/Badge'
import { ButtonLink } from '../../components/Button'
import { Card } from '../../components/Card'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useLanguage } from '../../i18n/hooks'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { formatBytes } from '../../lib/format'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { groupsQuery } from '../groups/queries'
import { GroupsIcon, VideoIcon } from '../placeholders/icons'
import { VideoThumbnail } from '../videos/VideoThumbnail'
import { GoToVideos, RecentVideosList, useRecentVideos } from '../videos/RecentVideos'

function Stat({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId: string }) {
  return (
    <Card as="li" padding="md">
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-bold tracking-tight text-slate-900" data-testid={testId}>
        {value}
      </p>
      {detail && <div className="mt-2 text-sm text-slate-600">{detail}</div>}
    </Card>
  )
}

function UsageMeter({ used, limit, label }: { used: number; limit: number; label: string }) {
  const percent = limit === 0 ? 100 : Math.min(100, Math.round((used / limit) * 100))
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      className="h-2 overflow-hidden rounded-full bg-slate-100"
    >
      <div className={percent >= 90 ? 'h-full bg-amber-500' : 'h-full bg-indigo-600'} style={{ width: `${percent}%` }} />
    </div>
  )
}

function StartCard({ icon, title, body, action }: { icon: ReactNode; title: string; body: string; action: ReactNode }) {
  return (
    <Card as="article" padding="lg" className="flex flex-col gap-3 border-dashed">
      <div className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600" aria-hidden="true">
        {icon}
      </div>
      <h3 className="text-lg font-semibold text-slate-900">{title}</h3>
      <p className="flex-1 text-slate-600">{body}</p>
      <div>{action}</div>
    </Card>
  )
}

/** A library card's icon, title and one-line summary (none while it loads). */
function LibraryCardHeader({ icon, title, summary, summaryTestId }: { icon: ReactNode; title: string; summary: string | undefined; summaryTestId: string }) {
  return (
    <div className="flex items-start gap-4">
      <div className="flex size-12 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-indigo-600" aria-hidden="true">
        {icon}
      </div>
      <div className="min-w-0">
        <h3 className="text-lg font-semibold text-slate-900">{title}</h3>
        {summary && (
          <p className="mt-1 text-slate-600" data-testid={summaryTestId}>
            {summary}
          </p>
        )}
      </div>
    </div>
  )
}

/** The library at a glance: how many videos, and the newest ones with their status. */
function VideosCard() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const recent = useRecentVideos()
  const total = recent.data?.totalCount
  const empty = total === 0
  return (
    <Card as="article" padding="lg" className="flex flex-col gap-4 md:col-span-2" data-testid="home-videos">
      <LibraryCardHeader
        icon={<VideoIcon />}
        title={empty ? t('home.start.videosEmptyTitle') : t('home.start.videosTitle')}
        summaryTestId="home-videos-summary"
        summary={
          empty
            ? t('home.start.videosEmptyBody')
            : total !== undefined
              ? t('home.videos.count', { count: total, formatted: new Intl.NumberFormat(lang).format(total) })
              : t('home.start.videosBody')
        }
      />
      <RecentVideosList query={recent} />
      <div className="mt-auto">
        <GoToVideos />
      </div>
    </Card>
  )
}

/** The dashboard's groups: how many, and the newest three; before the first one, what groups are for. */
function GroupsCard() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const groups = useQuery(groupsQuery('', 1, 3))
  const action = (
    <ButtonLink to="/groups" variant="secondary">
      {t('home.start.groupsAction')}
    </ButtonLink>
  )
  if (groups.data?.totalCount === 0) {
    return <StartCard icon={<GroupsIcon />} title={t('home.start.groupsTitle')} body={t('home.start.groupsBody')} action={action} />
  }
  return (
    <Card as="article" padding="lg" className="flex flex-col gap-4" data-testid="home-groups">
      <LibraryCardHeader
        icon={<GroupsIcon />}
        title={t('home.groups.title')}
        summaryTestId="home-groups-summary"
        summary={groups.data && t('home.groups.count', { count: groups.data.totalCount, formatted: new Intl.NumberFormat(lang).format(groups.data.totalCount) })}
      />
      {groups.isPending && (
        <ul className="space-y-3" aria-busy="true">
          {Array.from({ length: 2 }, (_, i) => (
            <li key={i} className="space-y-2">
              <Skeleton className="h-4 w-3/4" />
              <Skeleton className="h-3 w-1/3" />
            </li>
          ))}
        </ul>
      )}
      {groups.isError && (
        <ErrorState title={t('home.groups.loadFailed')} error={groups.error} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />
      )}
      {groups.data && (
        <ul className="-mx-2 space-y-1" data-testid="recent-groups">
          {groups.data.items.map((group) => (
            <li
              key={group.id}
              className="relative flex items-center gap-3 rounded-xl p-2 hover:bg-slate-50 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600"
            >
              <VideoThumbnail video={{ id: group.id, thumbnailUrl: group.thumbnailUrl ?? null, contentType: 'video/mp4' }} size="sm" className="w-20 shrink-0 rounded-lg" />
              <div className="min-w-0 flex-1">
                <LocalizedLink
                  to={`/groups/${group.id}`}
                  className="line-clamp-2 text-sm font-semibold [overflow-wrap:anywhere] text-slate-900 after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
                >
                  {group.name}
                </LocalizedLink>
                <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                  <span className="tabular-nums">{t('groups.card.videos', { count: group.videoCount })}</span>
                  {group.isShared && <Badge tone="indigo">{t('groups.card.shared')}</Badge>}
                </p>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-auto">{action}</div>
    </Card>
  )
}

/** The signed-in home: a greeting, usage from `GET /me`, the newest videos and where to go next. */
export function HomePage({ user }: { user: Me }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  useDocumentTitle(t('home.documentTitle'))
  const number = new Intl.NumberFormat(lang)
  const { videoCount, storageBytes } = user.usage
  const { videoLimit, maxUploadBytes } = user.limits

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12" data-testid="dashboard">
      <h1 className="text-3xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900">{t('home.greeting', { username: user.username })}</h1>
      <p className="mt-2 text-slate-600">{t('home.intro')}</p>

      <section aria-labelledby="usage-heading" className="mt-8">
        <h2 id="usage-heading" className="text-lg font-semibold text-slate-900">
          {t('home.usage.title')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-3">
          <Stat
            testId="usage-videos"
            label={t('home.usage.videos')}
            value={
              videoLimit === null || videoLimit === undefined
                ? number.format(videoCount)
                : t('home.usage.videosOfLimit', { used: number.format(videoCount), limit: number.format(videoLimit) })
            }
            detail={
              videoLimit === null || videoLimit === undefined ? (
                t('home.usage.unlimited')
              ) : (
                <UsageMeter used={videoCount} limit={videoLimit} label={t('home.usage.videos')} />
              )
            }
          />
          <Stat testId="usage-storage" label={t('home.usage.storage')} value={formatBytes(storageBytes, lang)} />
          <Stat
            testId="usage-upload-limit"
            label={t('home.usage.uploadLimit')}
            value={formatBytes(maxUploadBytes, lang)}
            detail={t('home.usage.uploadLimitDetail')}
          />
        </ul>
      </section>

      <section aria-labelledby="start-heading" className="mt-10">
        <h2 id="start-heading" className="text-lg font-semibold text-slate-900">
          {videoCount === 0 ? t('home.start.title') : t('home.library')}
        </h2>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <VideosCard />
          <GroupsCard />
        </div>
      </section>
    </div>
  )
}
