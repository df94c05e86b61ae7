import { cx } from '../lib/cx'

/** A grey placeholder block shown while content loads. Purely visual. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx('block animate-pulse rounded-md bg-slate-200 motion-reduce:animate-none', className)}
    />
  )
}
