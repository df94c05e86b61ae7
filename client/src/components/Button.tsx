import type { ButtonHTMLAttributes, Ref } from 'react'
import { LocalizedLink, type LocalizedLinkProps } from '../i18n/LocalizedLink'
import { cx } from '../lib/cx'
import { Spinner } from './Spinner'

/** `onAccent*` variants are for buttons placed on the indigo/violet accent background. */
export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'onAccent' | 'onAccentOutline'
export type ButtonSize = 'sm' | 'md' | 'lg'

interface StyleProps {
  variant?: ButtonVariant
  size?: ButtonSize
}

const base =
  'inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-lg font-semibold transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60'

const variants: Record<ButtonVariant, string> = {
  primary:
    'bg-indigo-600 text-white shadow-sm hover:bg-indigo-700 active:bg-indigo-800 focus-visible:outline-indigo-600',
  secondary:
    'bg-white text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 active:bg-slate-100 focus-visible:outline-indigo-600',
  ghost: 'text-indigo-700 hover:bg-indigo-50 active:bg-indigo-100 focus-visible:outline-indigo-600',
  danger: 'bg-red-600 text-white shadow-sm hover:bg-red-700 active:bg-red-800 focus-visible:outline-red-600',
  onAccent: 'bg-white text-indigo-700 shadow-sm hover:bg-indigo-50 active:bg-indigo-100 focus-visible:outline-white',
  onAccentOutline: 'text-white ring-1 ring-inset ring-white/70 hover:bg-white/10 active:bg-white/20 focus-visible:outline-white',
}

const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-10 px-3 py-2 text-sm',
  md: 'min-h-10 px-4 py-2 text-sm',
  lg: 'min-h-12 px-6 py-3 text-base',
}

export function buttonClasses({ variant = 'primary', size = 'md' }: StyleProps = {}, className?: string): string {
  return cx(base, variants[variant], sizes[size], className)
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, StyleProps {
  /** Shows a spinner and disables the button while an action runs. */
  loading?: boolean
  ref?: Ref<HTMLButtonElement>
}

export function Button({
  variant,
  size,
  loading = false,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClasses({ variant, size }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner size="sm" decorative />}
      {children}
    </button>
  )
}

export type ButtonLinkProps = LocalizedLinkProps & StyleProps

/** A link styled as a button; `to` is an unprefixed app path. */
export function ButtonLink({ variant, size, className, ...rest }: ButtonLinkProps) {
  return <LocalizedLink className={buttonClasses({ variant, size }, className)} {...rest} />
}
