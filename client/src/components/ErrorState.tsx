import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ApiError, errorCodeMessage, isErrorCode } from '../api/errors'
import { cx } from '../lib/cx'
import { Button } from './Button'

/** "Try again in 30 seconds" / "in 5 minutes". */
export function retryAfterMessage(seconds: number | undefined, t: TFunction): string {
  if (!seconds) return t('errors.rateLimited')
  if (seconds < 90) return t('errors.rateLimitedSeconds', { count: seconds })
  return t('errors.rateLimitedMinutes', { count: Math.ceil(seconds / 60) })
}

/** A user-facing sentence for any error an API call can produce, in the UI language. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.isNetworkError) return t('errors.network')
    // A plain throttle says how long to wait, which the Retry-After header knows better than a fixed sentence.
    if (error.status === 429 && (error.code === undefined || error.code === 'rate_limited')) return retryAfterMessage(error.retryAfterSeconds, t)
    // Every code the server can send is in the catalog and translated (a test checks it against openapi.json).
    if (isErrorCode(error.code)) return errorCodeMessage(error.code, t)
    if (error.status === 429) return retryAfterMessage(error.retryAfterSeconds, t)
    if (error.detail) return error.detail
    return t('errors.httpStatus', { status: error.status })
  }
  return t('errors.generic')
}

export interface ErrorStateProps {
  title: string
  /** The error to explain; its message is derived from problem+json details. */
  error?: unknown
  /** Overrides the derived message. */
  message?: string
  onRetry?: () => void
  /** True while a retry is in flight. */
  retrying?: boolean
  className?: string
}

export function ErrorState({ title, error, message, onRetry, retrying = false, className }: ErrorStateProps) {
  const { t } = useTranslation()
  return (
    <div
      role="alert"
      className={cx(
        'flex flex-col items-start gap-3 rounded-xl border border-red-200 bg-red-50 p-4 text-red-900 sm:flex-row sm:items-center',
        className,
      )}
    >
      <svg className="size-6 shrink-0 text-red-600" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <path
          d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <div className="flex-1">
        <p className="font-semibold">{title}</p>
        <p className="mt-1 text-sm text-red-800">{message ?? errorMessage(error, t)}</p>
      </div>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry} loading={retrying}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  )
}
