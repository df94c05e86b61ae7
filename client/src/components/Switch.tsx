import * as RadixSwitch from '@radix-ui/react-switch'
import type { ButtonHTMLAttributes } from 'react'
import { cx } from '../lib/cx'
import { Spinner } from './Spinner'

export interface SwitchProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onChange' | 'role' | 'value' | 'defaultValue' | 'dir'> {
  checked: boolean
  onChange: (checked: boolean) => void
  /** Accessible name (the switch shows no text of its own). */
  label: string
  busy?: boolean
}

/** An on/off toggle (Radix Switch: `role="switch"`, operable with Space and Enter). */
export function Switch({ checked, onChange, label, busy = false, disabled, className, ...rest }: SwitchProps) {
  return (
    <RadixSwitch.Root
      checked={checked}
      onCheckedChange={onChange}
      aria-label={label}
      aria-busy={busy || undefined}
      disabled={disabled || busy}
      className={cx(
        'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full bg-slate-300 transition-colors data-[state=checked]:bg-indigo-600',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        'disabled:cursor-not-allowed disabled:opacity-60',
        className,
      )}
      {...rest}
    >
      <RadixSwitch.Thumb
        className={cx(
          'flex size-5 translate-x-0.5 items-center justify-center rounded-full bg-white shadow transition-transform motion-reduce:transition-none',
          'data-[state=checked]:translate-x-5.5',
        )}
      >
        {busy && <Spinner size="sm" decorative className="size-3 text-indigo-600" />}
      </RadixSwitch.Thumb>
    </RadixSwitch.Root>
  )
}
