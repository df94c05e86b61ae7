import type { ErrorCode } from '../../api/errors'
import type { ProcessingStage, VideoStatus } from './queries'

/** The `data` of an `event: status` from `GET /videos/events` or `GET /videos/{id}/events`. */
export interface VideoStatusEvent {
  videoId: string
  status: VideoStatus
  stage?: ProcessingStage | null
  progress: number
  /** A code of the server's catalog (the OpenAPI enum `ErrorCode`). */
  errorCode?: ErrorCode | null
  errorMessage?: string | null
  at?: string
}

export interface LiveListener {
  onStatus: (event: VideoStatusEvent) => void
  /** The library stream is (re)connected: changes from now on will arrive, earlier ones may have been missed. */
  onReady?: () => void
  /** The stream failed for good (e.g. a 401 once the access token expired); it is retried with a backoff. */
  onLost?: () => void
}

/**
 * Browsers open at most 6 HTTP/1.1 connections per origin and every EventSource holds one, so the library uses
 * a single stream for all of the user's videos (`/videos/events`), and only a detail page adds one for its video
 * (`/videos/{id}/events`, which starts with the current state).
 */
export const LIBRARY_EVENTS_URL = '/api/v1/videos/events'
const MAX_BACKOFF_MS = 30_000

export function videoEventsUrl(videoId: string): string {
  return `/api/v1/videos/${encodeURIComponent(videoId)}/events`
}

function parseEvent(data: unknown): VideoStatusEvent | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const value = JSON.parse(data) as Partial<VideoStatusEvent>
    if (typeof value.videoId !== 'string' || typeof value.status !== 'string' || typeof value.progress !== 'number') return undefined
    return value as VideoStatusEvent
  } catch {
    return undefined
  }
}

interface Subscription {
  videoId: string
  listener: LiveListener
}

/** One EventSource with its subscribers, reconnecting with a backoff when the server refuses it. */
class Stream {
  private source: EventSource | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private failures = 0
  private closed = false
  readonly subscriptions = new Set<Subscription>()
  private readonly url: string

  constructor(url: string) {
    this.url = url
    this.open()
  }

  private open() {
    if (this.closed) return
    const source = new EventSource(this.url)
    this.source = source
    source.addEventListener('ready', () => {
      this.failures = 0
      for (const sub of [...this.subscriptions]) sub.listener.onReady?.()
    })
    source.addEventListener('status', (message) => {
      const event = parseEvent((message).data)
      if (!event) return
      this.failures = 0
      for (const sub of [...this.subscriptions]) if (sub.videoId === event.videoId) sub.listener.onStatus(event)
    })
    source.addEventListener('error', () => {
      // While CONNECTING the browser reconnects by itself; CLOSED means it gave up (e.g. an HTTP error).
      if (source.readyState !== EventSource.CLOSED || this.closed) return
      source.close()
      this.source = undefined
      for (const sub of [...this.subscriptions]) sub.listener.onLost?.()
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.failures++)
      this.timer = setTimeout(() => this.open(), delay)
    })
  }

  close() {
    this.closed = true
    clearTimeout(this.timer)
    this.source?.close()
    this.source = undefined
  }
}

const streams = new Map<string, Stream>()

function subscribe(url: string, videoId: string, listener: LiveListener): () => void {
  if (typeof EventSource === 'undefined') return () => {}
  let stream = streams.get(url)
  if (!stream) {
    stream = new Stream(url)
    streams.set(url, stream)
  }
  const sub: Subscription = { videoId, listener }
  stream.subscriptions.add(sub)
  return () => {
    stream.subscriptions.delete(sub)
    if (stream.subscriptions.size === 0) {
      stream.close()
      streams.delete(url)
    }
  }
}

/** Follows one video from its own stream (detail pages). Returns the unsubscribe function. */
export function subscribeToVideo(videoId: string, listener: LiveListener): () => void {
  return subscribe(videoEventsUrl(videoId), videoId, listener)
}

/** Follows one video through the shared library stream (cards). Returns the unsubscribe function. */
export function subscribeThroughLibrary(videoId: string, listener: LiveListener): () => void {
  return subscribe(LIBRARY_EVENTS_URL, videoId, listener)
}

/** For tests: the URLs with an open stream. */
export function liveStreamUrls(): string[] {
  return [...streams.keys()]
}
