import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useSearchParams } from 'react-router'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { Pagination } from '../../components/Pagination'
import { useLanguage } from '../../i18n/hooks'
import { cx } from '../../lib/cx'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { SearchIcon, UploadIcon } from './icons'
import { DEFAULT_LIST_PARAMS, hasFilters, parseListParams, toSearchParams, type ListParams } from './listParams'
import { PAGE_SIZE, videosQuery } from './queries'
import { useOpenUploadDialog } from './upload/UploadQueue'
import { VideoCard, VideoCardSkeleton } from './VideoCard'
import { VideoFilters } from './VideoFilters'
import { VideosOnboarding } from './VideosOnboarding'

const gridClasses = 'grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 sm:gap-5'

/**
 * `/videos`: the library as a grid of cards with search, status and tag filters, sort and pages (all in the
 * URL), live progress, the upload dialog, and a first-run state that offers the built-in sample.
 */
export function VideosPage() {
  const { t } = useTranslation()
  const lang = useLanguage()
  useDocumentTitle(t('videos.documentTitle'))
  const location = useLocation()
  const [search, setSearch] = useSearchParams()
  const params = parseListParams(search)
  const videos = useQuery(videosQuery(params))
  const openUpload = useOpenUploadDialog()
  const filtered = hasFilters(params)

  const update = (next: Partial<ListParams>, replace = false) => {
    setSearch(toSearchParams({ ...params, ...next }), { replace })
  }

  // A page past the end (after deletions elsewhere): go to the last one.
  const data = videos.data
  const lastPage = data ? Math.max(1, Math.ceil(data.totalCount / PAGE_SIZE)) : 1
  const pastTheEnd = data !== undefined && !videos.isPlaceholderData && data.items.length === 0 && params.page > lastPage
  useEffect(() => {
    if (pastTheEnd) setSearch(toSearchParams({ ...params, page: lastPage }), { replace: true })
  })

  const libraryEmpty = data !== undefined && !videos.isPlaceholderData && data.totalCount === 0 && !filtered
  const number = new Intl.NumberFormat(lang)
  const from = location.pathname + location.search

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('videos.title')}</h1>
          <p className="mt-2 text-slate-600" data-testid="videos-summary">
            {data && !libraryEmpty
              ? filtered
                ? t('videos.summaryFiltered', { count: data.totalCount, formatted: number.format(data.totalCount) })
                : t('videos.summary', { count: data.totalCount, formatted: number.format(data.totalCount) })
              : t('videos.intro')}
          </p>
        </div>
        {!libraryEmpty && (
          <Button size="lg" onClick={() => openUpload()} className="shrink-0">
            <UploadIcon className="size-5" />
            {t('videos.uploadAction')}
          </Button>
        )}
      </div>

      {libraryEmpty ? (
        <VideosOnboarding className="mt-8" onUpload={() => openUpload()} />
      ) : (
        <>
          <div className="mt-8">
            <VideoFilters params={params} onChange={update} />
          </div>

          <section aria-labelledby="videos-results" className="mt-6" aria-busy={videos.isFetching && videos.isPlaceholderData ? true : undefined}>
            <h2 id="videos-results" className="sr-only">
              {t('videos.resultsHeading')}
            </h2>
            {videos.isPending && (
              <>
                <span className="sr-only" role="status">
                  {t('common.loading')}
                </span>
                <ul className={gridClasses} data-testid="videos-loading">
                  {Array.from({ length: 8 }, (_, i) => (
                    <VideoCardSkeleton key={i} />
                  ))}
                </ul>
              </>
            )}
            {videos.isError && !data && (
              <ErrorState
                title={t('videos.loadFailed')}
                error={videos.error}
                onRetry={() => void videos.refetch()}
                retrying={videos.isFetching}
              />
            )}
            {data && data.items.length === 0 && filtered && (
              <EmptyState
                headingLevel={3}
                icon={<SearchIcon />}
                title={t('videos.noMatch.title')}
                description={params.q ? t('videos.noMatch.bodyQuery', { q: params.q }) : t('videos.noMatch.body')}
                action={
                  <Button variant="secondary" onClick={() => update({ ...DEFAULT_LIST_PARAMS, sort: params.sort })}>
                    {t('videos.noMatch.clear')}
                  </Button>
                }
              />
            )}
            {data && data.items.length > 0 && (
              <div className="space-y-8">
                <ul
                  className={cx(gridClasses, 'transition-opacity', videos.isPlaceholderData && 'opacity-60')}
                  data-testid="videos-grid"
                >
                  {data.items.map((video) => (
                    <VideoCard key={video.id} video={video} from={from} onTag={(tag) => update({ tag, page: 1 })} />
                  ))}
                </ul>
                {data.totalCount > PAGE_SIZE && (
                  <Pagination
                    label={t('videos.pagination')}
                    page={params.page}
                    pageSize={PAGE_SIZE}
                    totalCount={data.totalCount}
                    busy={videos.isFetching}
                    onPageChange={(page) => {
                      update({ page })
                      window.scrollTo({ top: 0 })
                    }}
                  />
                )}
              </div>
            )}
          </section>
        </>
      )}

    </div>
  )
}
