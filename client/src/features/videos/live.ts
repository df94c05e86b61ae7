import type { ProcessingStage, VideoStatus } from './queries'

/** The `data` of an `event: status` from `GET /videos/{id}/events`. */
export interface VideoStatusEvent {
  videoId: string
  status: VideoStatus
  stage?: ProcessingStage | null
  progress: number
  errorCode?: string | null
  errorMessage?: string | null
  at?: string
}

export interface LiveListener {
  onStatus: (event: VideoStatusEvent) => void
  /** The stream failed for good (e.g. a 401 once the access token expired); it is retried with a backoff. */
  onLost?: () => void
}

/**
 * Browsers open at most 6 HTTP/1.1 connections per origin and each EventSource holds one for as long as it
 * lives, so only a few streams run at once: the detail page first, then processing videos, then queued
 * ones. Cards without a stream catch up by polling the list (see `videosQuery`).
 */
export const MAX_STREAMS = 2
const MAX_BACKOFF_MS = 30_000

interface Subscription {
  videoId: string
  priority: number
  seq: number
  listener: LiveListener
}

export function eventsUrl(videoId: string): string {
  return `/api/v1/videos/${encodeURIComponent(videoId)}/events`
}

function parseEvent(data: unknown): VideoStatusEvent | undefined {
  if (typeof data !== 'string') return undefined
  try {
    const value = JSON.parse(data) as Partial<VideoStatusEvent>
    if (typeof value.status !== 'string' || typeof value.progress !== 'number') return undefined
    return value as VideoStatusEvent
  } catch {
    return undefined
  }
}

class Stream {
  private source: EventSource | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private failures = 0
  private closed = false
  private readonly videoId: string
  private readonly listeners: () => LiveListener[]

  constructor(videoId: string, listeners: () => LiveListener[]) {
    this.videoId = videoId
    this.listeners = listeners
    this.open()
  }

  private open() {
    if (this.closed) return
    const source = new EventSource(eventsUrl(this.videoId))
    this.source = source
    source.addEventListener('status', (message) => {
      const event = parseEvent((message as MessageEvent).data)
      if (!event) return
      this.failures = 0
      for (const listener of this.listeners()) listener.onStatus(event)
    })
    source.addEventListener('error', () => {
      // While CONNECTING the browser reconnects by itself; CLOSED means it gave up (e.g. an HTTP error).
      if (source.readyState !== EventSource.CLOSED || this.closed) return
      source.close()
      this.source = undefined
      for (const listener of this.listeners()) listener.onLost?.()
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

const subscriptions = new Set<Subscription>()
const streams = new Map<string, Stream>()
let seq = 0

function listenersOf(videoId: string): LiveListener[] {
  return [...subscriptions].filter((s) => s.videoId === videoId).map((s) => s.listener)
}

/** Keeps streams open for the `MAX_STREAMS` most important videos with subscribers. */
function rebalance() {
  const best = new Map<string, Subscription>()
  for (const sub of subscriptions) {
    const current = best.get(sub.videoId)
    if (!current || sub.priority > current.priority || (sub.priority === current.priority && sub.seq < current.seq)) {
      best.set(sub.videoId, sub)
    }
  }
  const wanted = new Set(
    [...best.values()]
      .sort((a, b) => b.priority - a.priority || a.seq - b.seq)
      .slice(0, MAX_STREAMS)
      .map((s) => s.videoId),
  )
  for (const [id, stream] of streams) {
    if (!wanted.has(id)) {
      stream.close()
      streams.delete(id)
    }
  }
  for (const id of wanted) {
    if (!streams.has(id)) streams.set(id, new Stream(id, () => listenersOf(id)))
  }
}

/**
 * Follows a video's status over Server-Sent Events. Several subscribers to one video share a stream. Returns
 * the unsubscribe function. Does nothing where `EventSource` does not exist.
 */
export function subscribeToVideo(videoId: string, listener: LiveListener, priority = 0): () => void {
  if (typeof EventSource === 'undefined') return () => {}
  const sub: Subscription = { videoId, priority, seq: seq++, listener }
  subscriptions.add(sub)
  rebalance()
  return () => {
    subscriptions.delete(sub)
    rebalance()
  }
}

/** For tests: the videos that currently have a stream. */
export function liveVideoIds(): string[] {
  return [...streams.keys()]
}
