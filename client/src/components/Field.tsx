import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react'
import { cx } from '../lib/cx'

export type FieldErrors = readonly string[] | string | undefined | null

function toList(errors: FieldErrors): readonly string[] {
  if (!errors) return []
  return typeof errors === 'string' ? [errors] : errors
}

/** Ids that tie a control to its hint and error text. */
export function useFieldIds(id?: string) {
  const generated = useId()
  const controlId = id ?? generated
  return { controlId, hintId: `${controlId}-hint`, errorId: `${controlId}-error` }
}

/** `aria-invalid` / `aria-describedby` for a control with an optional hint and errors. */
export function describedBy(ids: { hintId: string; errorId: string }, hasHint: boolean, hasErrors: boolean) {
  const parts = [hasHint && ids.hintId, hasErrors && ids.errorId].filter(Boolean)
  return {
    'aria-invalid': hasErrors || undefined,
    'aria-describedby': parts.length ? parts.join(' ') : undefined,
  } as const
}

export const controlClasses =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 ' +
  'placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 focus:outline-none ' +
  'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 sm:text-sm ' +
  'aria-invalid:ring-red-500 aria-invalid:focus:ring-red-600'

export function FieldHint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null
  return (
    <div id={id} className="mt-1.5 text-sm text-slate-600">
      {children}
    </div>
  )
}

export function FieldErrorText({ id, errors }: { id: string; errors: FieldErrors }) {
  const list = toList(errors)
  if (list.length === 0) return null
  return (
    <div id={id} className="mt-1.5 space-y-0.5 text-sm font-medium text-red-700">
      {list.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  )
}

export function FieldLabel({ htmlFor, children, optional }: { htmlFor: string; children: ReactNode; optional?: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="mb-1.5 flex items-baseline justify-between gap-2 text-sm font-medium text-slate-900">
      <span>{children}</span>
      {optional && <span className="text-xs font-normal text-slate-500">{optional}</span>}
    </label>
  )
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode
  hint?: ReactNode
  errors?: FieldErrors
  /** Shown at the label's end, e.g. "Optional". */
  optional?: ReactNode
  /** Extra content inside the input's box (e.g. a show/hide button), placed at its end. */
  trailing?: ReactNode
  ref?: Ref<HTMLInputElement>
  containerClassName?: string
}

/** A labelled text input with hint and validation messages wired for assistive technology. */
export function TextField({
  label,
  hint,
  errors,
  optional,
  trailing,
  id,
  className,
  containerClassName,
  ref,
  ...input
}: TextFieldProps) {
  const ids = useFieldIds(id)
  const hasErrors = toList(errors).length > 0
  return (
    <div className={containerClassName}>
      <FieldLabel htmlFor={ids.controlId} optional={optional}>
        {label}
      </FieldLabel>
      <div className="relative">
        <input
          ref={ref}
          id={ids.controlId}
          className={cx(controlClasses, trailing ? 'pr-20' : undefined, className)}
          {...describedBy(ids, Boolean(hint), hasErrors)}
          {...input}
        />
        {trailing && <div className="absolute inset-y-0 right-0 flex items-center pr-1.5">{trailing}</div>}
      </div>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldErrorText id={ids.errorId} errors={errors} />
    </div>
  )
}

export interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode
  ref?: Ref<HTMLSelectElement>
  hint?: ReactNode
  errors?: FieldErrors
  containerClassName?: string
}

export function SelectField({ label, hint, errors, id, className, containerClassName, children, ...select }: SelectFieldProps) {
  const ids = useFieldIds(id)
  const hasErrors = toList(errors).length > 0
  return (
    <div className={containerClassName}>
      <FieldLabel htmlFor={ids.controlId}>{label}</FieldLabel>
      <select
        id={ids.controlId}
        className={cx(controlClasses, 'pr-8', className)}
        {...describedBy(ids, Boolean(hint), hasErrors)}
        {...select}
      >
        {children}
      </select>
      <FieldHint id={ids.hintId}>{hint}</FieldHint>
      <FieldErrorText id={ids.errorId} errors={errors} />
    </div>
  )
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: ReactNode
  ref?: Ref<HTMLInputElement>
  hint?: ReactNode
}

export function Checkbox({ label, hint, id, className, ...input }: CheckboxProps) {
  const ids = useFieldIds(id)
  return (
    <div className={cx('flex items-start gap-2.5', className)}>
      <input
        id={ids.controlId}
        type="checkbox"
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        aria-describedby={hint ? ids.hintId : undefined}
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={ids.controlId} className="font-medium text-slate-900">
          {label}
        </label>
        {hint && (
          <p id={ids.hintId} className="text-slate-600">
            {hint}
          </p>
        )}
      </div>
    </div>
  )
}
