import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useLocalizePath } from '../../i18n/hooks'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import type { SearchResult } from './api'
import { MomentSearch } from './MomentSearch'

/** The video page URL that plays a result: `/videos/{id}?t={startMs}`. */
export function momentPath(result: Pick<SearchResult, 'videoId' | 'startMs'>): string {
  return `/videos/${encodeURIComponent(result.videoId)}?t=${result.startMs}`
}

/**
 * `/search`: find a moment in all of your videos. The query is kept in `?q=` (shareable, Back works); a result opens
 * its video at that moment.
 */
export function SearchPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const [params, setParams] = useSearchParams()
  useDocumentTitle(t('search.documentTitle'))

  const onQueryChange = useCallback(
    (q: string) => setParams(q ? { q } : {}, { replace: true, preventScrollReset: true }),
    [setParams],
  )

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-10">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{t('search.title')}</h1>
      <p className="mt-2 text-slate-600">{t('search.intro')}</p>
      <div className="mt-6">
        <MomentSearch
          initialQuery={params.get('q') ?? ''}
          onQueryChange={onQueryChange}
          onOpen={(result) => void navigate(localize(momentPath(result)))}
          focusOnMount
        />
      </div>
    </div>
  )
}
