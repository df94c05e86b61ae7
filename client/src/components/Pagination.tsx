import { useTranslation } from 'react-i18next'
import { useLanguage } from '../i18n/hooks'
import { Button } from './Button'

export interface PaginationProps {
  page: number
  pageSize: number
  totalCount: number
  onPageChange: (page: number) => void
  /** True while the next page loads. */
  busy?: boolean
  label: string
}

/** "Showing 21–40 of 75" with Previous / Next buttons. */
export function Pagination({ page, pageSize, totalCount, onPageChange, busy = false, label }: PaginationProps) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const pages = Math.max(1, Math.ceil(totalCount / pageSize))
  const from = totalCount === 0 ? 0 : (page - 1) * pageSize + 1
  const to = Math.min(totalCount, page * pageSize)
  const number = new Intl.NumberFormat(lang)

  return (
    <nav aria-label={label} className="flex flex-col items-center justify-between gap-3 text-sm text-slate-600 sm:flex-row">
      <p>{t('pagination.showing', { from: number.format(from), to: number.format(to), total: number.format(totalCount) })}</p>
      <div className="flex items-center gap-2">
        <Button variant="secondary" size="sm" disabled={page <= 1 || busy} onClick={() => onPageChange(page - 1)}>
          {t('pagination.previous')}
        </Button>
        <span aria-current="page" className="px-1 whitespace-nowrap">
          {t('pagination.pageOf', { page: number.format(page), pages: number.format(pages) })}
        </span>
        <Button variant="secondary" size="sm" disabled={page >= pages || busy} onClick={() => onPageChange(page + 1)}>
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  )
}
