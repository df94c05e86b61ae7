import type { InputHTMLAttributes } from 'react'
import { cx } from '../lib/cx'

type FileInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'id'> & {
  /** The input's id: the field's own <label htmlFor> names it. */
  id: string
  /** The visible button text, in the UI language (a native file input shows the browser's language instead). */
  buttonText: string
  /** Shown next to the button when nothing is chosen (nothing is shown without it). */
  noFileText?: string
  /** The chosen file's name, if any. */
  fileName?: string | undefined
  containerClassName?: string
}

/**
 * A file picker whose button speaks the UI language. The native input stays the one control (visually hidden but
 * focusable, so Tab, Space/Enter and assistive technology work as with any file input, and its field label names
 * it); the visible "button" is a second label for it, hidden from assistive technology so the name is not doubled,
 * and it shows the input's focus ring.
 */
export function FileInput({ id, buttonText, noFileText, fileName, containerClassName, disabled, ...rest }: FileInputProps) {
  return (
    <div className={cx('flex min-w-0 items-center gap-3', containerClassName)}>
      <input id={id} type="file" className="peer sr-only" disabled={disabled} {...rest} />
      <label
        htmlFor={id}
        aria-hidden="true"
        className={cx(
          'inline-flex shrink-0 items-center rounded-lg bg-indigo-50 px-3 py-2 text-sm font-semibold text-indigo-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600',
          disabled ? 'cursor-not-allowed opacity-60' : 'cursor-pointer hover:bg-indigo-100',
        )}
      >
        {buttonText}
      </label>
      {(fileName ?? noFileText) && <span className="min-w-0 truncate text-sm text-slate-700">{fileName ?? noFileText}</span>}
    </div>
  )
}
