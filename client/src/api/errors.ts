import type { TFunction } from 'i18next'
import en from '../i18n/locales/en'
import type { components } from './schema'

/** Every code the server can send (the OpenAPI enum `ErrorCode`): problem `code`s and failed videos' `error.code`. */
export type ErrorCode = components['schemas']['ErrorCode']
/** Why one field of a validation problem is invalid (the OpenAPI enum `FieldErrorCode`). */
export type FieldErrorCode = components['schemas']['FieldErrorCode']
/** One failure of one field: `{code, message, params?}` in a validation problem's `fieldErrors`. */
export type FieldError = components['schemas']['FieldError']

/**
 * Every API error is RFC 9457 problem+json. This is a protocol-level shape
 * shared by all endpoints (with AskVideo's `code` and validation `errors`
 * extensions), so it is declared here rather than taken from a per-endpoint
 * schema in the generated types.
 */
export interface ProblemDetails {
  type?: string | null
  title: string
  status?: number | null
  detail?: string | null
  instance?: string | null
  /** A stable machine-readable error code, e.g. `signup_disabled`. */
  code?: string | null
  /** Validation errors by field name (camelCase). */
  errors?: Record<string, string[]> | null
  /** The same failures with a machine-readable code each (translate them with `translatedFieldErrors`). */
  fieldErrors?: Record<string, FieldError[]> | null
}

/** Extra facts taken from the HTTP response rather than the problem body. */
export interface ApiErrorOptions {
  cause?: unknown
  /** Seconds from the `Retry-After` header (429, 503), when present. */
  retryAfterSeconds?: number
}

/** Codes the client itself assigns when the server gave no problem document. */
export const CLIENT_ERROR_CODES = {
  network: 'network_error',
  http: 'http_error',
} as const

export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status, or 0 when no response was received. */
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string | undefined
  readonly code: string | undefined
  readonly errors: Readonly<Record<string, readonly string[]>>
  /** The validation failures by field with their codes (the problem's `fieldErrors`). */
  readonly fieldErrorDetails: Readonly<Record<string, readonly FieldError[]>>
  /** Seconds to wait before retrying, from the `Retry-After` header. */
  readonly retryAfterSeconds: number | undefined

  constructor(problem: ProblemDetails & { status: number }, options: ApiErrorOptions = {}) {
    super(problem.detail || problem.title, { cause: options.cause })
    this.retryAfterSeconds = options.retryAfterSeconds
    this.status = problem.status
    this.type = problem.type || 'about:blank'
    this.title = problem.title
    this.detail = problem.detail ?? undefined
    this.code = problem.code ?? undefined
    this.errors = problem.errors ?? {}
    this.fieldErrorDetails = problem.fieldErrors ?? {}
  }

  /** True when the request never got a response (offline, DNS, CORS, aborted proxy). */
  get isNetworkError(): boolean {
    return this.status === 0
  }

  /** The messages for one field of a validation problem, if any. */
  fieldErrors(field: string): readonly string[] {
    return this.errors[field] ?? []
  }
}

/** True for a code of the server's catalog, which the UI translates (`errors.codes.*`). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(en.errors.codes, code)
}

function isFieldErrorCode(code: unknown): code is FieldErrorCode {
  return typeof code === 'string' && Object.hasOwn(en.errors.fields, code)
}

/** A catalogued error code in the UI language. */
export function errorCodeMessage(code: ErrorCode, t: TFunction): string {
  return t(`errors.codes.${code}`)
}

/** One field failure in the UI language; the server's English message when the code is unknown to this client. */
export function fieldErrorMessage(error: FieldError, t: TFunction): string {
  if (!isFieldErrorCode(error.code) || error.code === 'invalid') return error.message
  return t(`errors.fields.${error.code}`, { ...error.params })
}

/**
 * A validation problem's failures by field, translated: each `fieldErrors`
 * entry becomes the UI-language sentence for its code and parameters (the
 * server's message for a code this client does not know). Fields that only
 * have messages in `errors` keep them. Anything but an `ApiError` gives `{}`.
 */
export function translatedFieldErrors(error: unknown, t: TFunction): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {}
  const out: Record<string, string[]> = {}
  for (const [field, messages] of Object.entries(error.errors)) out[field] = [...messages]
  for (const [field, failures] of Object.entries(error.fieldErrorDetails)) {
    if (failures.length === 0) continue
    out[field] = [...new Set(failures.map((f) => fieldErrorMessage(f, t)))]
  }
  return out
}

export function isProblemDetails(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.title === 'string' &&
    (v.status === undefined || v.status === null || typeof v.status === 'number') &&
    (v.type === undefined || v.type === null || typeof v.type === 'string')
  )
}

/**
 * `Retry-After` is either delay-seconds or an HTTP date. Returns whole seconds
 * (at least 1), or undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Math.max(1, Number.parseInt(trimmed, 10))
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(1, Math.ceil((date - now) / 1000))
}

function isAbortError(error: unknown): boolean {
  // DOMException is not an Error subclass in every environment, so check the name.
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
}

/**
 * Turns whatever a failed call produced into an `ApiError`:
 * - a problem+json body (as parsed by openapi-fetch) keeps all its fields;
 * - any other error body (an HTML 502 page from a proxy, plain text) becomes a
 *   generic `http_error` with the response's status;
 * - a thrown error without a response (network failure) becomes `network_error`
 *   with status 0.
 */
export function toApiError(error: unknown, response?: Response): ApiError {
  if (error instanceof ApiError) return error

  const retryAfterSeconds = parseRetryAfter(response?.headers.get('Retry-After'))

  if (isProblemDetails(error)) {
    return new ApiError({ ...error, status: error.status ?? response?.status ?? 0 }, { retryAfterSeconds })
  }

  if (response) {
    return new ApiError(
      {
        type: 'about:blank',
        title: response.statusText || `HTTP ${response.status}`,
        status: response.status,
        code: CLIENT_ERROR_CODES.http,
      },
      { cause: error, retryAfterSeconds },
    )
  }

  return new ApiError(
    {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: error instanceof Error ? error.message : undefined,
      code: CLIENT_ERROR_CODES.network,
    },
    { cause: error },
  )
}

/** What openapi-fetch resolves to: either `data` or `error`, plus the response. */
type FetchResult =
  | { data: unknown; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response }

/** The success payload of an openapi-fetch result (the member where `data` is required). */
type DataOf<R> = R extends { data: infer D } ? D : never

/**
 * Awaits an openapi-fetch call and returns its data, or throws an `ApiError`.
 * Aborts (e.g. TanStack Query cancelling a query) are rethrown untouched.
 *
 *     const config = await unwrap(api.GET('/api/v1/config/frontend'))
 */
export async function unwrap<R extends FetchResult>(call: Promise<R>): Promise<DataOf<R>> {
  let result: R
  try {
    result = await call
  } catch (error) {
    if (isAbortError(error)) throw error
    throw toApiError(error)
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiError(result.error, result.response)
  }
  return result.data as DataOf<R>
}
