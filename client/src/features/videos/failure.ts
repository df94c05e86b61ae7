import type { TFunction } from 'i18next'
import { errorCodeMessage, isErrorCode, type ErrorCode } from '../../api/errors'

/** A failed video's `error` (from the API, or from its status events). */
export interface VideoFailure {
  code: string
  message?: string | null
}

/**
 * Codes whose server message adds facts to the translation (the line of the subtitles that could not be read, the
 * part of the media that failed, the dimensions found): it is shown beneath, as details.
 */
const MESSAGE_ADDS_FACTS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'invalid_subtitles',
  'transcription_failed',
  'embedding_dimension_mismatch',
  'ai_request_rejected',
])

/**
 * The failure of a video in the UI language: the translation of its code, or the server's message for a code this
 * client does not know.
 */
export function failureSummary(error: VideoFailure | null | undefined, t: TFunction): string {
  if (error && isErrorCode(error.code)) return errorCodeMessage(error.code, t)
  return error?.message?.trim() || t('videos.progress.failedUnknown')
}

/** The server's message when it says more than the translated code does. */
export function failureDetail(error: VideoFailure | null | undefined): string | undefined {
  const message = error?.message?.trim()
  if (!message || !error) return undefined
  return !isErrorCode(error.code) || MESSAGE_ADDS_FACTS.has(error.code) ? message : undefined
}
