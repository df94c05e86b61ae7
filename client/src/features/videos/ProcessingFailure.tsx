import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import type { ErrorCode } from '../../api/errors'
import { errorMessage } from '../../components/ErrorState'
import { useToast } from '../../components/Toast'
import { failureDetail, failureSummary } from './failure'
import { useReprocessVideo, type Video } from './queries'

/** The processing failures with longer guidance in `videos.failure.codes.*` (every other code has its short translation in `errors.codes.*`). */
export const FAILURE_CODES = [
  'unsupported_media',
  'no_transcript_source',
  'invalid_subtitles',
  'invalid_openai_key',
  'ai_rate_limited',
  'ai_unavailable',
  'transcription_failed',
  'embedding_dimension_mismatch',
  'processing_failed',
] as const satisfies readonly ErrorCode[]
export type FailureCode = (typeof FAILURE_CODES)[number]

export function isFailureCode(code: string | null | undefined): code is FailureCode {
  return (FAILURE_CODES as readonly (string | null | undefined)[]).includes(code)
}

/** Failures that new subtitles can fix: the editor is offered next to Reprocess. */
const SUBTITLE_FIXABLE: ReadonlySet<FailureCode> = new Set(['no_transcript_source', 'invalid_subtitles', 'transcription_failed'])

/**
 * Why a video failed, in the UI language, with what to do about it: Reprocess, and depending on the code
 * "Upload subtitles" (opens the transcript editor) or a link to the AI settings. Unknown codes show the server's
 * message.
 */
export function ProcessingFailure({ video, onUploadSubtitles }: { video: Video; onUploadSubtitles: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const reprocess = useReprocessVideo(video.id)
  const code = video.error?.code
  const known = isFailureCode(code)
  const guidance = known ? t(`videos.failure.codes.${code}`) : failureSummary(video.error, t)
  const detail = failureDetail(video.error)

  return (
    <Alert
      tone="error"
      role="alert"
      title={t('videos.failure.title')}
      data-testid="processing-failure"
      actions={
        <>
          {known && code === 'no_transcript_source' && (
            <Button size="sm" onClick={onUploadSubtitles}>
              {t('videos.failure.uploadSubtitles')}
            </Button>
          )}
          {known && code === 'invalid_openai_key' && (
            <ButtonLink to="/settings/ai" size="sm">
              {t('videos.failure.openSettings')}
            </ButtonLink>
          )}
          <Button
            variant={known && (code === 'no_transcript_source' || code === 'invalid_openai_key') ? 'secondary' : 'primary'}
            size="sm"
            loading={reprocess.isPending}
            onClick={() => reprocess.mutate(undefined, { onSuccess: () => toast(t('videos.detail.reprocessQueued')) })}
          >
            {t('videos.detail.reprocess')}
          </Button>
          {known && code !== 'no_transcript_source' && SUBTITLE_FIXABLE.has(code) && (
            <Button variant="secondary" size="sm" onClick={onUploadSubtitles}>
              {t('videos.transcript.edit')}
            </Button>
          )}
        </>
      }
    >
      <p data-testid="failure-guidance">{guidance}</p>
      {detail && detail !== guidance && <p className="text-xs text-red-800">{t('videos.failure.serverMessage', { message: detail })}</p>}
      {code && <p className="text-xs text-red-800">{t('videos.failure.codeLine', { code })}</p>}
      {reprocess.isError && <p className="font-medium">{errorMessage(reprocess.error, t)}</p>}
    </Alert>
  )
}
