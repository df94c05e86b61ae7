import { cx } from '../lib/cx'

export interface ProgressBarProps {
  /** 0–100; `undefined` shows an indeterminate bar (work whose length is unknown). */
  value: number | undefined
  /** Accessible name, e.g. "Upload of clip.mp4". */
  label: string
  /** Spoken instead of the bare percentage, e.g. "12 MB of 40 MB". */
  valueText?: string
  tone?: 'indigo' | 'green' | 'red' | 'slate'
  size?: 'sm' | 'md'
  className?: string
  'data-testid'?: string
}

const tones = {
  indigo: 'bg-indigo-600',
  green: 'bg-emerald-600',
  red: 'bg-red-600',
  slate: 'bg-slate-400',
} as const

/** A determinate (or indeterminate) progress bar with `role="progressbar"`. */
export function ProgressBar({ value, label, valueText, tone = 'indigo', size = 'sm', className, ...rest }: ProgressBarProps) {
  const clamped = value === undefined ? undefined : Math.max(0, Math.min(100, Math.round(value)))
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText}
      data-testid={rest['data-testid']}
      className={cx('relative w-full overflow-hidden rounded-full bg-slate-200', size === 'sm' ? 'h-1.5' : 'h-2.5', className)}
    >
      {clamped === undefined ? (
        <div
          className={cx(
            'absolute inset-y-0 left-0 w-1/3 rounded-full motion-safe:animate-[progress-indeterminate_1.4s_ease-in-out_infinite]',
            tones[tone],
          )}
        />
      ) : (
        <div
          className={cx('h-full rounded-full transition-[width] duration-300 ease-out motion-reduce:transition-none', tones[tone])}
          style={{ width: `${clamped}%` }}
        />
      )}
    </div>
  )
}
