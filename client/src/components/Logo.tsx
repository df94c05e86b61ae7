import { useId } from 'react'
import { cx } from '../lib/cx'

/** The AskVideo mark (same drawing as public/favicon.svg). Decorative. */
export function LogoMark({ className }: { className?: string }) {
  // Unique per instance: the mark appears in both the header and the footer.
  const gradientId = useId()
  return (
    <svg className={cx('size-8', className)} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#4f46e5" />
          <stop offset="1" stopColor="#7c3aed" />
        </linearGradient>
      </defs>
      <rect width="64" height="64" rx="16" fill={`url(#${gradientId})`} />
      <path d="M24 19.5v25a2 2 0 0 0 3.05 1.7l20-12.5a2 2 0 0 0 0-3.4l-20-12.5A2 2 0 0 0 24 19.5z" fill="#fff" />
      <circle cx="48" cy="47" r="7" fill="#fde68a" stroke="#4f46e5" strokeWidth="3" />
    </svg>
  )
}

export interface LogoProps {
  className?: string
  /** Hide the word mark on very narrow screens (the mark alone stays). */
  compact?: boolean
}

export function Logo({ className, compact = false }: LogoProps) {
  return (
    <span
      className={cx('inline-flex items-center gap-2 text-lg font-bold tracking-tight whitespace-nowrap text-slate-900', className)}
    >
      <LogoMark className="shrink-0" />
      <span className={compact ? 'hidden min-[400px]:inline' : undefined}>AskVideo</span>
    </span>
  )
}
