import { useTranslation } from 'react-i18next'
import { cx } from '../lib/cx'

export interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg'
  /** Accessible text; defaults to "Loading…". */
  label?: string
  /** Hide from assistive technology (when the surrounding UI already says it is busy). */
  decorative?: boolean
  className?: string
}

const sizes = { sm: 'size-4', md: 'size-6', lg: 'size-10' } as const

export function Spinner({ size = 'md', label, decorative = false, className }: SpinnerProps) {
  const { t } = useTranslation()
  const svg = (
    <svg
      className={cx('animate-spin text-current motion-reduce:animate-[spin_1.5s_linear_infinite]', sizes[size], className)}
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
    >
      <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
      <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
    </svg>
  )
  if (decorative) return svg
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label ?? t('common.loading')}</span>
    </span>
  )
}
