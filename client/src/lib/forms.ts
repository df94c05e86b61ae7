import type { TFunction } from 'i18next'
import { useCallback, useRef } from 'react'
import { ApiError, translatedFieldErrors } from '../api/errors'
import { getI18n } from '../i18n'
import { languageFromPath } from '../i18n/language'

export type FieldErrorMap = Record<string, readonly string[]>

/**
 * The per-field messages of a 400 validation problem (empty for other errors),
 * translated from the server's field codes (`fieldErrors`) into the UI
 * language: `t`, or by default the language of the current URL.
 */
export function serverFieldErrors(error: unknown, t?: TFunction): FieldErrorMap {
  if (!(error instanceof ApiError)) return {}
  return translatedFieldErrors(error, t ?? getI18n(languageFromPath(globalThis.location?.pathname ?? '/')).t)
}

/** True when the error is a validation problem whose messages are all shown next to fields. */
export function onlyFieldErrors(error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.status !== 400) return false
  const keys = Object.keys(error.errors)
  return keys.length > 0 && keys.every((k) => fields.includes(k))
}

/** Drops empty entries so `Object.keys(errors).length` tells whether the form is valid. */
export function compactErrors(errors: Record<string, readonly string[] | undefined>): FieldErrorMap {
  const out: FieldErrorMap = {}
  for (const [key, list] of Object.entries(errors)) if (list && list.length > 0) out[key] = list
  return out
}

/**
 * A ref for a form plus a function that focuses its first invalid control
 * (after React has rendered the `aria-invalid` attributes).
 */
export function useFocusFirstInvalid<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null)
  const focus = useCallback(() => {
    setTimeout(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
  }, [])
  return [ref, focus] as const
}

/** Focuses an element after the current render (e.g. an error summary). */
export function focusSoon(element: { current: HTMLElement | null }): void {
  setTimeout(() => element.current?.focus(), 0)
}
