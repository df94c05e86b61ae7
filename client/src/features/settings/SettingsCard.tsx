import { useId, type ReactNode } from 'react'
import { Card } from '../../components/Card'
import { cx } from '../../lib/cx'

export interface SettingsCardProps {
  title: string
  description?: ReactNode
  children: ReactNode
  /** Heading level 2 for a section's main card (the page has the h1). */
  tone?: 'default' | 'danger'
  action?: ReactNode
  'data-testid'?: string
}

/** One block of settings: a titled card (a labelled region). */
export function SettingsCard({ title, description, children, tone = 'default', action, ...rest }: SettingsCardProps) {
  const id = useId()
  return (
    <Card
      as="section"
      aria-labelledby={id}
      className={cx(tone === 'danger' && 'border-red-200')}
      data-testid={rest['data-testid']}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={id} className={cx('text-lg font-semibold', tone === 'danger' ? 'text-red-700' : 'text-slate-900')}>
            {title}
          </h2>
          {description && <div className="mt-1 text-sm text-slate-600">{description}</div>}
        </div>
        {action}
      </div>
      <div className="mt-5">{children}</div>
    </Card>
  )
}
