import type { ButtonHTMLAttributes } from 'react'
import { cx } from '../lib/cx'
import { Spinner } from './Spinner'

export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onChange' | 'role'> {
  checked: boolean
  onChange: (checked: boolean) => void
  /** Accessible name (the switch shows no text of its own). */
  label: string
  busy?: boolean
}

/** An on/off toggle (`role="switch"`), operable with Space and Enter like any button. */
export function Switch({ checked, onChange, label, busy = false, disabled, className, ...rest }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      aria-busy={busy || undefined}
      disabled={disabled || busy}
      onClick={() => onChange(!checked)}
      className={cx(
        'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        'disabled:cursor-not-allowed disabled:opacity-60',
        checked ? 'bg-indigo-600' : 'bg-slate-300',
        className,
      )}
      {...rest}
    >
      <span
        aria-hidden="true"
        className={cx(
          'flex size-5 items-center justify-center rounded-full bg-white shadow transition-transform motion-reduce:transition-none',
          checked ? 'translate-x-5.5' : 'translate-x-0.5',
        )}
      >
        {busy && <Spinner size="sm" decorative className="size-3 text-indigo-600" />}
      </span>
    </button>
  )
}
