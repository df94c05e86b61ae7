import { useTranslation } from 'react-i18next'
import { Card } from '../../components/Card'
import { useLanguage } from '../../i18n/hooks'
import { cx } from '../../lib/cx'
import type { JobsOverview } from './queries'

const ORDER = ['pending', 'processing', 'deadLetters', 'scheduled', 'running', 'failed'] as const

/** Queue depth (Redis; unknown while Redis is unreachable) and job counts (database) as small cards. */
export function QueueStats({ queue }: { queue: JobsOverview['queue'] }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const number = new Intl.NumberFormat(lang)
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={t('admin.jobs.statsLabel')}>
      {ORDER.map((key) => {
        const value = queue[key]
        const alarming = (key === 'deadLetters' || key === 'failed') && (value ?? 0) > 0
        return (
          <Card as="li" key={key} padding="none" className={cx('p-4', alarming && 'border-red-200 bg-red-50')}>
            <p className="text-xs font-medium text-slate-600">{t(`admin.jobs.stats.${key}`)}</p>
            <p className={cx('mt-1 text-2xl font-bold', alarming ? 'text-red-700' : 'text-slate-900')} data-testid={`queue-${key}`}>
              {value == null ? <span title={t('admin.jobs.statsUnknown')}>—</span> : number.format(value)}
            </p>
            <p className="mt-1 text-xs text-slate-600">{t(`admin.jobs.statsHint.${key}`)}</p>
          </Card>
        )
      })}
    </ul>
  )
}
