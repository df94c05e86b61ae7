import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams, useSearchParams } from 'react-router'
import { ApiError } from '../../api/errors'
import { refreshSession } from '../../api/sessionFetch'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState, errorMessage } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useToast } from '../../components/Toast'
import { useLanguage, useLocalizePath } from '../../i18n/hooks'
import { formatBytes, formatDateTime } from '../../lib/format'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { DeleteVideoDialog } from './DeleteVideoDialog'
import { EditVideoDialog } from './EditVideoDialog'
import { formatDuration, languageName } from './format'
import { ArrowLeftIcon } from './icons'
import { usePlayer, PlayerProvider } from './player'
import { VideoChatSection } from '../chat/VideoChatSection'
import { ProcessingFailure } from './ProcessingFailure'
import { isSettled, useReprocessVideo, videoQuery, type Video } from './queries'
import { TagDot } from './TagInput'
import { TranscriptEditor } from './transcript/TranscriptEditor'
import { TranscriptPanel } from './transcript/TranscriptPanel'
import { transcriptQuery, transcriptUrl, transcriptVersion, type Transcript } from './transcript/queries'
import { useLiveVideo } from './useLiveVideo'
import type { FromState } from './VideoCard'
import { VideoProgress, VideoStatusBadge } from './VideoStatus'
import { VideoThumbnail } from './VideoThumbnail'

/**
 * The media element, straight from `GET /videos/{id}/media` (same origin, so the session cookie goes along and
 * Range requests let it seek). If it fails once, the session may have expired: renew it and try again.
 */
function Player({ video, transcript }: { video: Video; transcript: Transcript | undefined }) {
  const { t } = useTranslation()
  const { attach } = usePlayer()
  const [attempt, setAttempt] = useState(0)
  const [failed, setFailed] = useState(false)
  const audio = video.contentType.startsWith('audio/')

  const onError = () => {
    if (attempt > 0) {
      setFailed(true)
      return
    }
    void refreshSession().then((outcome) => (outcome === 'refreshed' ? setAttempt(1) : setFailed(true)))
  }

  const label = t('videos.detail.player', { title: video.title })
  // Captions once there is a transcript; a new URL when its lines change, so the browser loads the new ones.
  const segments = transcript?.segments
  const captions = useMemo(
    () => (segments && segments.length > 0 ? transcriptUrl(video.id, 'vtt', transcriptVersion(segments)) : undefined),
    [video.id, segments],
  )
  return (
    <div className="space-y-3">
      {audio ? (
        <div className="overflow-hidden rounded-2xl bg-slate-900 shadow-sm">
          <VideoThumbnail video={video} />
          {/* eslint-disable-next-line jsx-a11y/media-has-caption -- captions are offered as the transcript beside the player */}
          <audio ref={attach} key={attempt} controls preload="metadata" src={video.mediaUrl} onError={onError} aria-label={label} className="w-full" data-testid="video-player" />
        </div>
      ) : (
        // eslint-disable-next-line jsx-a11y/media-has-caption -- the captions track is added once the transcript is ready
        <video
          ref={attach}
          key={attempt}
          controls
          playsInline
          preload="metadata"
          src={video.mediaUrl}
          poster={video.thumbnailUrl ?? undefined}
          onError={onError}
          aria-label={label}
          className="aspect-video w-full rounded-2xl bg-slate-950 shadow-sm"
          data-testid="video-player"
        >
          {captions && (
            <track
              key={captions}
              kind="captions"
              src={captions}
              srcLang={transcript?.language ?? video.language ?? undefined}
              label={t('videos.transcript.captions')}
              default
            />
          )}
        </video>
      )}
      {failed && (
        <Alert
          tone="error"
          title={t('videos.detail.playerFailed')}
          actions={
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                setFailed(false)
                setAttempt((a) => a + 1)
              }}
            >
              {t('common.retry')}
            </Button>
          }
        >
          {t('videos.detail.playerFailedBody')}
        </Alert>
      )}
    </div>
  )
}

function StatusPanel({ video }: { video: Video }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const reprocess = useReprocessVideo(video.id)

  const again = (
    <Button
      variant="secondary"
      size="sm"
      loading={reprocess.isPending}
      onClick={() => reprocess.mutate(undefined, { onSuccess: () => toast(t('videos.detail.reprocessQueued')) })}
    >
      {t('videos.detail.processAgain')}
    </Button>
  )

  return (
    <Card as="section" aria-labelledby="status-heading" data-testid="status-panel">
      <div className="flex items-center justify-between gap-3">
        <h2 id="status-heading" className="font-semibold text-slate-900">
          {t('videos.detail.statusHeading')}
        </h2>
        <VideoStatusBadge status={video.status} />
      </div>
      <div className="mt-4 space-y-3">
        {video.status === 'failed' ? (
          <p className="text-sm text-slate-600">{t('videos.detail.failedHelp')}</p>
        ) : (
          <VideoProgress video={video} announce />
        )}
        {(video.status === 'queued' || video.status === 'uploaded') && (
          <p className="text-sm text-slate-600">{t('videos.detail.queuedHelp')}</p>
        )}
        {video.status === 'processing' && <p className="text-sm text-slate-600">{t('videos.detail.processingHelp')}</p>}
        {video.status === 'failed' && video.error?.code && (
          <p className="text-xs text-slate-500">{t('videos.detail.errorCode', { code: video.error.code })}</p>
        )}
        {video.status === 'ready' && video.processedAt && (
          <p className="text-sm text-slate-600">{t('videos.detail.processedOn', { date: formatDateTime(video.processedAt, lang) })}</p>
        )}
        {reprocess.isError && <Alert tone="error">{errorMessage(reprocess.error, t)}</Alert>}
        {video.status === 'ready' && <div>{again}</div>}
      </div>
    </Card>
  )
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 py-2.5 text-sm">
      <dt className="shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 text-right font-medium [overflow-wrap:anywhere] text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  )
}

function Details({ video }: { video: Video }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const unknown = <span className="font-normal text-slate-500">{t('videos.detail.notYet')}</span>
  return (
    <Card as="section" aria-labelledby="details-heading">
      <h2 id="details-heading" className="font-semibold text-slate-900">
        {t('videos.detail.detailsHeading')}
      </h2>
      <dl className="mt-2 divide-y divide-slate-100">
        <Fact label={t('videos.detail.duration')} testId="fact-duration">
          {video.durationSeconds ? formatDuration(video.durationSeconds) : unknown}
        </Fact>
        <Fact label={t('videos.detail.size')}>{formatBytes(video.sizeBytes, lang)}</Fact>
        <Fact label={t('videos.detail.resolution')}>
          {video.width && video.height ? t('videos.detail.resolutionValue', { width: video.width, height: video.height }) : unknown}
        </Fact>
        <Fact label={t('videos.detail.language')}>
          {video.language ? languageName(video.language, lang) : <span className="font-normal text-slate-500">{t('videos.detail.languageAuto')}</span>}
        </Fact>
        <Fact label={t('videos.detail.subtitles')}>{video.hasSubtitles ? t('videos.detail.subtitlesYes') : t('videos.detail.subtitlesNo')}</Fact>
        <Fact label={t('videos.detail.file')}>
          <span className="block">{video.originalFileName}</span>
          <span className="block text-xs font-normal text-slate-500">{video.contentType}</span>
        </Fact>
        <Fact label={t('videos.detail.added')}>{formatDateTime(video.createdAt, lang)}</Fact>
        <Fact label={t('videos.detail.processed')}>{video.processedAt ? formatDateTime(video.processedAt, lang) : unknown}</Fact>
        <Fact label={t('videos.detail.groups')}>
          {video.groups.length > 0 ? (
            video.groups.map((g) => g.name).join(t('common.listSeparator'))
          ) : (
            <span className="font-normal text-slate-500">{t('videos.detail.noGroups')}</span>
          )}
        </Fact>
      </dl>
    </Card>
  )
}

function DetailSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-3" aria-busy="true">
      <span className="sr-only" role="status">
        {t('common.loading')}
      </span>
      <div className="space-y-4 lg:col-span-2">
        <Skeleton className="h-9 w-2/3" />
        <Skeleton className="aspect-video w-full rounded-2xl" />
      </div>
      <div className="space-y-4">
        <Skeleton className="h-40 w-full rounded-2xl" />
        <Skeleton className="h-72 w-full rounded-2xl" />
      </div>
    </div>
  )
}

/**
 * `/videos/:id`: the player, live processing status (with Reprocess when it failed), the facts about the file,
 * edit and delete, and the place where the transcript and questions will appear.
 */
/** `?t=<ms>` (links from moment search) starts the player at that moment. */
function SeekToParam() {
  const [params] = useSearchParams()
  const { seekTo } = usePlayer()
  const t = Number(params.get('t'))
  useEffect(() => {
    if (Number.isFinite(t) && t > 0) seekTo(t)
  }, [t, seekTo])
  return null
}

export function VideoDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const localize = useLocalizePath()
  const location = useLocation()
  const from = (location.state as FromState | null)?.from
  const video = useQuery(videoQuery(id))
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [editingTranscript, setEditingTranscript] = useState(false)
  // The transcript of a video in the pipeline is empty or about to be replaced, and the panel shows the progress
  // instead: it is fetched once the video is settled, whichever way the page learns that (a status event, the
  // stream's catch-up, or its own refetch of the video), and again after each new processing run.
  const transcript = useQuery({ ...transcriptQuery(id), enabled: video.data !== undefined && isSettled(video.data.status) })
  useLiveVideo(video.data, 'detail')
  useDocumentTitle(video.data?.title ?? t('videos.detail.documentTitle'))

  const back = (
    <Link
      to={from ?? localize('/videos')}
      className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <ArrowLeftIcon />
      {t('videos.detail.back')}
    </Link>
  )

  const notFound = video.error instanceof ApiError && (video.error.status === 404 || video.error.status === 400)

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      {back}
      {video.isPending && <DetailSkeleton />}
      {video.isError && !video.data && (
        <div className="mt-6">
          {notFound ? (
            <EmptyState
              headingLevel={1}
              title={t('videos.detail.notFoundTitle')}
              description={t('videos.detail.notFoundBody')}
              action={<ButtonLink to="/videos">{t('videos.detail.back')}</ButtonLink>}
            />
          ) : (
            <ErrorState title={t('videos.detail.loadFailed')} error={video.error} onRetry={() => void video.refetch()} retrying={video.isFetching} />
          )}
        </div>
      )}
      {video.data && (
        <>
          <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <h1 className="min-w-0 text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 sm:text-3xl">{video.data.title}</h1>
            <div className="flex shrink-0 gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('videos.detail.edit')}
              </Button>
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </div>
          </div>

          {video.data.status === 'failed' && (
            <div className="mt-6">
              <ProcessingFailure video={video.data} onUploadSubtitles={() => setEditingTranscript(true)} />
            </div>
          )}

          <PlayerProvider>
            {/* Narrow: player, transcript, the rest. Wide: the transcript beside the player (the second row takes
                what the transcript needs beyond the player, so the player row keeps its own height). */}
            <div className="mt-6 grid gap-6 lg:grid-cols-5 lg:grid-rows-[auto_1fr] lg:items-start lg:gap-8">
              <div className="min-w-0 space-y-6 lg:col-span-3">
                <Player video={video.data} transcript={transcript.data} />
                {video.data.tags.length > 0 && (
                  <ul className="flex flex-wrap gap-2" aria-label={t('videos.fields.tags')}>
                    {video.data.tags.map((tag) => (
                      <li key={tag.id}>
                        <Link
                          to={`${localize('/videos')}?tag=${encodeURIComponent(tag.name)}`}
                          className="flex items-center gap-1.5 rounded-full bg-white px-3 py-1 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
                          aria-label={t('videos.card.filterByTag', { name: tag.name })}
                        >
                          <TagDot color={tag.color} />
                          {tag.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
                {video.data.description && <p className="whitespace-pre-line text-slate-700">{video.data.description}</p>}
                <SeekToParam />
                <VideoChatSection videoId={video.data.id} status={video.data.status} />
              </div>
              <div className="min-w-0 lg:col-span-2 lg:row-span-2">
                <TranscriptPanel video={video.data} transcript={transcript} onEdit={() => setEditingTranscript(true)} />
              </div>
              <div className="grid min-w-0 items-start gap-6 sm:grid-cols-2 lg:col-span-3">
                <StatusPanel video={video.data} />
                <Details video={video.data} />
              </div>
            </div>
          </PlayerProvider>

          <EditVideoDialog video={video.data} open={editing} onClose={() => setEditing(false)} />
          <TranscriptEditor video={video.data} open={editingTranscript} onClose={() => setEditingTranscript(false)} />
          <DeleteVideoDialog video={video.data} open={deleting} onClose={() => setDeleting(false)} backTo={from} />
        </>
      )}
    </div>
  )
}
