import { zodResolver } from '@hookform/resolvers/zod'
import type { TFunction } from 'i18next'
import { useForm, type FieldError, type FieldValues, type Path, type UseFormProps, type UseFormReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
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

/** A zod (mini) schema for a form's values (each rule carries its own translated message). */
export type FormSchema = z.ZodMiniType<FieldValues, FieldValues>

/**
 * A react-hook-form form validated by a zod schema. Every failed rule of a field is kept (`criteriaMode: 'all'`,
 * read them with `errorMessages`), the first invalid control is focused on submit, and a rule without a message of
 * its own says "form.invalid" (never zod's English default).
 */
export function useSchemaForm<S extends FormSchema>(
  schema: S,
  options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver' | 'criteriaMode'> = {},
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  const { t } = useTranslation()
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, { error: () => t('form.invalid') }),
    criteriaMode: 'all',
    shouldFocusError: true,
    ...options,
  })
}

/** A trimmed text that must not be empty and has at most `max` characters, each rule with its own message. */
export function requiredText(max: number, messages: { required: string; tooLong: string }) {
  return z.string().check(z.trim(), z.minLength(1, { error: messages.required, abort: true }), z.maxLength(max, { error: messages.tooLong }))
}

/** A trimmed text of at most `max` characters (may be empty). */
export function optionalText(max: number, tooLong: string) {
  return z.string().check(z.trim(), z.maxLength(max, { error: tooLong }))
}

/** The messages of one field's error, for `TextField`'s `errors` (every failed rule, each once). */
export function errorMessages(error: FieldError | undefined): string[] {
  if (!error) return []
  const all = Object.values(error.types ?? {}).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : []))
  const list = all.length > 0 ? all : error.message ? [error.message] : []
  return [...new Set(list)]
}

/** Server field names that a form shows under another name (`{ maxUploadBytes: 'amount' }`). */
export type ServerFieldNames<T extends FieldValues> = Partial<Record<string, Path<T>>>

type ErrorTarget<T extends FieldValues> = Pick<UseFormReturn<T>, 'setError' | 'setFocus' | 'getValues'>

/**
 * Maps a failed request onto a form: the messages of `serverFieldErrors(error)` go to the fields the form has (by
 * name, `tags[0]` → `tags`, or through `rename`), and the first of them in the form's order gets focus. Whatever is
 * left — a problem without field messages, or messages for a field the form does not show — is set as the
 * `root.server` error, and the function returns true: the form shows (and focuses) its alert.
 */
export function applyServerErrors<T extends FieldValues>(form: ErrorTarget<T>, error: unknown, rename: ServerFieldNames<T> = {}): boolean {
  const fields = Object.keys(form.getValues()) as Path<T>[]
  const byField = new Map<Path<T>, string[]>()
  let leftover = false
  for (const [key, messages] of Object.entries(serverFieldErrors(error))) {
    if (messages.length === 0) continue
    const base = key.split(/[.[]/, 1)[0] ?? key
    const name = rename[key] ?? rename[base] ?? fields.find((f) => f === key || f === base)
    if (name === undefined) {
      leftover = true
      continue
    }
    byField.set(name, [...(byField.get(name) ?? []), ...messages])
  }
  for (const [name, messages] of byField) {
    form.setError(name, { type: 'server', message: messages[0], types: { server: messages } })
  }
  const first = fields.find((f) => byField.has(f)) ?? [...byField.keys()][0]
  if (first !== undefined) form.setFocus(first)
  if (!leftover && byField.size > 0) return false
  form.setError('root.server', {
    type: error instanceof ApiError ? (error.code ?? String(error.status)) : 'unknown',
    message: error instanceof Error ? error.message : '',
  })
  return true
}

/**
 * A ref callback that focuses its element when it appears: a form's error alert (shown after a failed submit) or
 * the heading of a result. Pass the function itself (a stable ref), so that later renders do not move focus again.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus()
}

/** Focuses an element after the current render (e.g. a form's error alert or a result heading). */
export function focusSoon(element: { current: HTMLElement | null }): void {
  setTimeout(() => element.current?.focus(), 0)
}
