import type { ReactNode } from 'react'
import { cx } from '../lib/cx'

export interface EmptyStateProps {
  title: string
  description?: ReactNode
  icon?: ReactNode
  /** Usually a Button or ButtonLink. */
  action?: ReactNode
  /** Heading level of the title, to fit the surrounding outline. */
  headingLevel?: 1 | 2 | 3
  className?: string
}

export function EmptyState({ title, description, icon, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const
  return (
    <div
      className={cx(
        'flex flex-col items-center gap-3 rounded-2xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center',
        className,
      )}
    >
      {icon && (
        <div className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading className="text-lg font-semibold text-slate-900">{title}</Heading>
      {description && <p className="max-w-md text-slate-600">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  )
}
