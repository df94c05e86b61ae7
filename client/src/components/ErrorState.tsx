import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/errors'
import { cx } from '../lib/cx'
import { Button } from './Button'

/** Problem codes with a translated explanation (the server's `detail` is English only). */
const KNOWN_CODES = [
  'account_disabled',
  'admin_required',
  'already_processing',
  'cannot_demote_self',
  'csrf_failed',
  'email_not_verified',
  'empty_file',
  'file_too_large',
  'form_too_large',
  'insufficient_scope',
  'invalid_openai_key',
  'invalid_tag_name',
  'job_not_retryable',
  'payload_too_large',
  'session_required',
  'signup_disabled',
  'tag_exists',
  'too_many_tags',
  'too_many_streams',
  'too_many_tokens',
  'unauthenticated',
  'unsupported_media',
  'unsupported_media_type',
  'upload_size_mismatch',
  'validation_failed',
  'video_limit_reached',
] as const
type KnownCode = (typeof KNOWN_CODES)[number]

function isKnownCode(code: string | undefined): code is KnownCode {
  return (KNOWN_CODES as readonly (string | undefined)[]).includes(code)
}

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
    if (isKnownCode(error.code)) return t(`errors.codes.${error.code}`)
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
