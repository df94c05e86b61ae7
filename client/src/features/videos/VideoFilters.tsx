import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../../components/Field'
import { useLanguage } from '../../i18n/hooks'
import { SORTS, STATUS_FILTERS, type ListParams, type Sort, type StatusFilter } from './listParams'
import { tagsQuery } from './queries'

export const SEARCH_DEBOUNCE_MS = 300

/**
 * Search (debounced), status, tag and sort. Every change goes to the URL through `onChange`, and the page
 * goes back to 1. `replace` is set for keystrokes, so typing does not fill the history.
 */
export function VideoFilters({ params, onChange }: { params: ListParams; onChange: (next: Partial<ListParams>, replace?: boolean) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const tags = useQuery(tagsQuery)
  const [text, setText] = useState(params.q)
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })

  // What this box last wrote to the URL: when the URL echoes it back, the box (maybe typed further) is kept.
  const pushed = useRef(params.q)

  // The URL changed from elsewhere (clear filters, a tag chip, the back button): show its search.
  useEffect(() => {
    if (params.q === pushed.current) return
    pushed.current = params.q
    setText(params.q)
  }, [params.q])

  const push = (q: string, replace: boolean) => {
    pushed.current = q
    onChangeRef.current({ q, page: 1 }, replace)
  }

  useEffect(() => {
    if (text.trim() === pushed.current) return undefined
    const timer = setTimeout(() => push(text.trim(), true), SEARCH_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const number = new Intl.NumberFormat(lang)
  const tagNames = tags.data?.map((tag) => tag.name) ?? []
  const unknownTag = params.tag && !tagNames.some((n) => n.toLowerCase() === params.tag.toLowerCase())

  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-6 lg:grid-cols-12" data-testid="video-filters">
      <form role="search" className="col-span-2 sm:col-span-6 lg:col-span-6" onSubmit={(e) => {
        e.preventDefault()
        if (text.trim() !== params.q) push(text.trim(), false)
      }}>
        <TextField
          label={t('videos.filters.search')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('videos.filters.searchPlaceholder')}
          maxLength={200}
          enterKeyHint="search"
        />
      </form>
      <SelectField
        containerClassName="col-span-1 sm:col-span-2 lg:col-span-2"
        label={t('videos.filters.status')}
        value={params.status}
        onChange={(e) => onChange({ status: e.target.value as StatusFilter | '', page: 1 })}
      >
        <option value="">{t('videos.filters.allStatuses')}</option>
        {STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t(`videos.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        containerClassName="col-span-1 sm:col-span-2 lg:col-span-2"
        label={t('videos.filters.tag')}
        value={params.tag}
        onChange={(e) => onChange({ tag: e.target.value, page: 1 })}
      >
        <option value="">{t('videos.filters.allTags')}</option>
        {unknownTag && <option value={params.tag}>{params.tag}</option>}
        {tags.data?.map((tag) => (
          <option key={tag.id} value={tag.name}>
            {t('videos.filters.tagOption', { name: tag.name, videos: number.format(tag.videoCount) })}
          </option>
        ))}
      </SelectField>
      <SelectField
        containerClassName="col-span-2 sm:col-span-2 lg:col-span-2"
        label={t('videos.filters.sort')}
        value={params.sort}
        onChange={(e) => onChange({ sort: e.target.value as Sort, page: 1 })}
      >
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`videos.sort.${sort}`)}
          </option>
        ))}
      </SelectField>
    </div>
  )
}
