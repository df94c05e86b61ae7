import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { controlClasses } from '../../components/Field'
import { Pagination } from '../../components/Pagination'
import { Skeleton } from '../../components/Skeleton'
import { useLanguage } from '../../i18n/hooks'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { cx } from '../../lib/cx'
import { formatRelative } from '../../lib/format'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { GroupsIcon } from '../placeholders/icons'
import { SearchIcon } from '../videos/icons'
import { VideoThumbnail } from '../videos/VideoThumbnail'
import { CreateGroupDialog } from './GroupFormDialog'
import { LinkIcon, PlusIcon } from './icons'
import { GROUPS_PAGE_SIZE, groupsQuery, type GroupSummary } from './queries'

const gridClasses = 'grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 lg:grid-cols-3 sm:gap-5'

function GroupCard({ group }: { group: GroupSummary }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  return (
    <li className="min-w-0">
      <article
        className="group relative flex h-full flex-col overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm transition-shadow hover:shadow-md has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-indigo-600 has-[a:focus-visible]:ring-offset-2"
        data-testid="group-card"
      >
        <div className="relative">
          <VideoThumbnail video={{ id: group.id, thumbnailUrl: group.thumbnailUrl ?? null, contentType: 'video/mp4' }} />
          {group.isShared && (
            <Badge tone="indigo" className="absolute top-2 left-2 gap-1 shadow-sm">
              <LinkIcon className="size-3.5" />
              <span data-testid="shared-badge">{t('groups.card.shared')}</span>
            </Badge>
          )}
        </div>
        <div className="flex flex-1 flex-col gap-2 p-4">
          <h3 className="line-clamp-2 leading-snug font-semibold [overflow-wrap:anywhere] text-slate-900">
            <LocalizedLink
              to={`/groups/${group.id}`}
              className="after:absolute after:inset-0 after:content-[''] hover:text-indigo-700 focus-visible:outline-none"
            >
              {group.name}
            </LocalizedLink>
          </h3>
          {group.description && <p className="line-clamp-2 text-sm text-slate-600">{group.description}</p>}
          <p className="mt-auto flex flex-wrap gap-x-3 text-sm text-slate-500">
            <span data-testid="group-video-count">{t('groups.card.videos', { count: group.videoCount })}</span>
            <span>{t('groups.card.updated', { when: formatRelative(group.updatedAt, lang) })}</span>
          </p>
        </div>
      </article>
    </li>
  )
}

function GroupCardSkeleton() {
  return (
    <li className="overflow-hidden rounded-2xl border border-slate-200 bg-white" aria-hidden="true">
      <Skeleton className="aspect-video w-full rounded-none" />
      <div className="space-y-2 p-4">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-4 w-1/3" />
      </div>
    </li>
  )
}

/** `/groups`: the user's groups as cards, with search (in the URL), pages, and "Create a group". */
export function GroupsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('groups.documentTitle'))
  const [search, setSearch] = useSearchParams()
  const q = search.get('q') ?? ''
  const page = Math.max(1, Number(search.get('page')) || 1)
  const groups = useQuery(groupsQuery(q, page))
  const [creating, setCreating] = useState(false)
  const [text, setText] = useState(q)

  const update = (next: { q?: string; page?: number }, replace = false) => {
    const params = new URLSearchParams()
    const nq = next.q ?? q
    const np = next.page ?? page
    if (nq) params.set('q', nq)
    if (np > 1) params.set('page', String(np))
    setSearch(params, { replace })
  }

  // Search as you type, a moment after the last key.
  useEffect(() => {
    if (text.trim() === q) return
    const timer = setTimeout(() => update({ q: text.trim(), page: 1 }, true), 300)
    return () => clearTimeout(timer)
  })

  const data = groups.data
  const none = data !== undefined && !groups.isPlaceholderData && data.totalCount === 0 && !q

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('groups.title')}</h1>
          <p className="mt-2 text-slate-600">{t('groups.intro')}</p>
        </div>
        {!none && (
          <Button size="lg" onClick={() => setCreating(true)} className="shrink-0">
            <PlusIcon />
            {t('groups.createAction')}
          </Button>
        )}
      </div>

      {none ? (
        <EmptyState
          className="mt-8"
          icon={<GroupsIcon />}
          title={t('groups.empty.title')}
          description={t('groups.empty.body')}
          action={
            <Button onClick={() => setCreating(true)}>
              <PlusIcon />
              {t('groups.createAction')}
            </Button>
          }
        />
      ) : (
        <>
          <form role="search" className="mt-8 max-w-md" onSubmit={(e) => { e.preventDefault(); update({ q: text.trim(), page: 1 }) }}>
            <label htmlFor="groups-search" className="sr-only">
              {t('groups.search')}
            </label>
            <div className="relative">
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" />
              <input
                id="groups-search"
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                placeholder={t('groups.searchPlaceholder')}
                className={cx(controlClasses, 'pl-9')}
              />
            </div>
          </form>

          <section aria-labelledby="groups-results" className="mt-6">
            <h2 id="groups-results" className="sr-only">
              {t('groups.resultsHeading')}
            </h2>
            {groups.isPending && (
              <>
                <span className="sr-only" role="status">
                  {t('common.loading')}
                </span>
                <ul className={gridClasses} data-testid="groups-loading">
                  {Array.from({ length: 6 }, (_, i) => (
                    <GroupCardSkeleton key={i} />
                  ))}
                </ul>
              </>
            )}
            {groups.isError && !data && (
              <ErrorState title={t('groups.loadFailed')} error={groups.error} onRetry={() => void groups.refetch()} retrying={groups.isFetching} />
            )}
            {data && data.items.length === 0 && q && (
              <EmptyState
                headingLevel={3}
                icon={<SearchIcon />}
                title={t('groups.noMatch.title')}
                description={t('groups.noMatch.body', { q })}
                action={
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setText('')
                      update({ q: '', page: 1 })
                    }}
                  >
                    {t('groups.noMatch.clear')}
                  </Button>
                }
              />
            )}
            {data && data.items.length > 0 && (
              <div className="space-y-8">
                <ul className={cx(gridClasses, 'transition-opacity', groups.isPlaceholderData && 'opacity-60')} data-testid="groups-grid">
                  {data.items.map((group) => (
                    <GroupCard key={group.id} group={group} />
                  ))}
                </ul>
                {data.totalCount > GROUPS_PAGE_SIZE && (
                  <Pagination
                    label={t('groups.pagination')}
                    page={page}
                    pageSize={GROUPS_PAGE_SIZE}
                    totalCount={data.totalCount}
                    busy={groups.isFetching}
                    onPageChange={(next) => {
                      update({ page: next })
                      window.scrollTo({ top: 0 })
                    }}
                  />
                )}
              </div>
            )}
          </section>
        </>
      )}

      <CreateGroupDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  )
}
