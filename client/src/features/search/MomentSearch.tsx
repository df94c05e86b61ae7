import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { formatTimecode } from '../videos/transcript/queries'
import { MIN_QUERY_LENGTH, searchQuery, type SearchResult } from './api'
import { renderSnippet } from './snippet'

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300

export interface MomentSearchProps {
  /** Search within one group's videos. */
  groupId?: string
  /** Search within one video. */
  videoId?: string
  /** A result was chosen: play it (seek the player, or open the video at that moment). */
  onOpen: (result: SearchResult) => void
  /** The text to start with (e.g. from the URL). */
  initialQuery?: string
  /** Told the (debounced, trimmed) query whenever it changes, e.g. to keep it in the URL. */
  onQueryChange?: (q: string) => void
  focusOnMount?: boolean
  /** The visible label of the search box (defaults to "Find a moment"). */
  label?: string
}

/** Debounced moment search over the scenes of the user's videos (or one group, or one video). */
export function MomentSearch({ groupId, videoId, onOpen, initialQuery = '', onQueryChange, focusOnMount = false, label }: MomentSearchProps) {
  const { t } = useTranslation()
  const inputId = useId()
  const [text, setText] = useState(initialQuery)
  const [query, setQuery] = useState(initialQuery.trim())

  useEffect(() => {
    const next = text.trim()
    if (next === query) return
    const timer = setTimeout(() => {
      setQuery(next)
      onQueryChange?.(next)
    }, SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, query, onQueryChange])

  const results = useQuery(searchQuery(query, { groupId, videoId }))
  const active = query.length >= MIN_QUERY_LENGTH
  const items = active ? (results.data?.items ?? []) : []

  let body
  if (!active) {
    body = <p className="text-sm text-slate-600">{t('search.hint')}</p>
  } else if (results.isPending) {
    body = (
      <div className="space-y-2" aria-busy="true">
        <span className="sr-only" role="status">
          {t('search.searching')}
        </span>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} className="h-16 w-full rounded-xl" />
        ))}
      </div>
    )
  } else if (results.isError && !results.data) {
    body = <ErrorState title={t('search.failed')} error={results.error} onRetry={() => void results.refetch()} retrying={results.isFetching} />
  } else if (items.length === 0) {
    body = <p className="text-sm text-slate-600">{t('search.noResults', { query })}</p>
  } else {
    body = (
      <ol className="space-y-2" aria-label={t('search.results')} data-testid="search-results">
        {items.map((result) => {
          const start = formatTimecode(result.startMs)
          const end = formatTimecode(result.endMs)
          return (
            <li key={result.sceneId}>
              <button
                type="button"
                onClick={() => onOpen(result)}
                className="block w-full rounded-xl border border-slate-200 bg-white p-3 text-left hover:border-indigo-300 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                data-testid="search-result"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-semibold [overflow-wrap:anywhere] text-slate-900">{result.title}</span>
                  <span className="font-mono text-xs text-indigo-800 tabular-nums">{t('search.range', { start, end })}</span>
                </span>
                <span className="mt-1 block text-sm leading-relaxed [overflow-wrap:anywhere] text-slate-700" data-testid="search-snippet">
                  {renderSnippet(result.snippet)}
                </span>
              </button>
            </li>
          )
        })}
      </ol>
    )
  }

  return (
    <div className="space-y-4" data-testid="moment-search">
      <form role="search" onSubmit={(event) => {
        event.preventDefault()
        const next = text.trim()
        setQuery(next)
        onQueryChange?.(next)
      }}>
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-900">
          {label ?? t('search.label')}
        </label>
        <input
          id={inputId}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('search.placeholder')}
          // The search page exists to search: focusing its only box is what users expect there.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={focusOnMount}
          autoComplete="off"
          enterKeyHint="search"
          className="mt-1 block w-full rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        />
      </form>
      <div aria-live="polite" aria-busy={active && results.isFetching}>
        {active && results.data && !results.isPending && (
          <p className="sr-only">{t('search.count', { count: items.length })}</p>
        )}
        {body}
      </div>
    </div>
  )
}
