import type { ReactNode, Ref } from 'react'
import { cx } from '../lib/cx'

export type AlertTone = 'info' | 'success' | 'warning' | 'error'

const tones: Record<AlertTone, string> = {
  info: 'border-sky-200 bg-sky-50 text-sky-900',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
  warning: 'border-amber-200 bg-amber-50 text-amber-900',
  error: 'border-red-200 bg-red-50 text-red-900',
}

export interface AlertProps {
  tone?: AlertTone
  title?: ReactNode
  children?: ReactNode
  /** Extra actions (buttons, links) shown under the text. */
  actions?: ReactNode
  className?: string
  /** Errors are announced at once (role="alert"); other tones politely (role="status"). */
  role?: 'alert' | 'status' | 'none'
  ref?: Ref<HTMLDivElement>
  /** Makes the alert focusable so a form can move focus to it after a failed submit. */
  focusable?: boolean
  'data-testid'?: string
}

/** An inline message box (form errors, notices, confirmations). */
export function Alert({ tone = 'info', title, children, actions, className, role, ref, focusable, ...rest }: AlertProps) {
  const effectiveRole = role ?? (tone === 'error' ? 'alert' : 'status')
  return (
    <div
      ref={ref}
      role={effectiveRole === 'none' ? undefined : effectiveRole}
      tabIndex={focusable ? -1 : undefined}
      className={cx('rounded-xl border p-4 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600', tones[tone], className)}
      data-testid={rest['data-testid']}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cx(title ? 'mt-1' : undefined, 'space-y-2')}>{children}</div>}
      {actions && <div className="mt-3 flex flex-wrap gap-2">{actions}</div>}
    </div>
  )
}
