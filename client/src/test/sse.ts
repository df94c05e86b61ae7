import { act } from '@testing-library/react'
import { http, sse } from 'msw'
import { problemResponse } from './http'
import { server } from './server'

type Events = { status: string; ready: string; message: string }
type Client = { send: (payload: { event: keyof Events; data: string }) => void }

/** One live status stream the app opened (an `EventSource` connection served by MSW's `sse()`). */
export class LiveStream {
  readonly url: string
  private readonly client: Client
  private readonly request: Request

  constructor(url: string, client: Client, request: Request) {
    this.url = url
    this.client = client
    this.request = request
  }

  /** The server sends `event: <type>` with JSON `data` (delivered over the stream, so assert with `findBy…`). */
  emit(type: 'status' | 'ready', data: unknown) {
    act(() => this.client.send({ event: type, data: JSON.stringify(data) }))
  }

  /** The app closed it (`EventSource.close()` aborts the connection). */
  get closed(): boolean {
    return this.request.signal.aborted
  }
}

/**
 * Serves the live status streams (`/api/v1/videos/events`, `/api/v1/videos/{id}/events`) and records each
 * connection, so a test can send events on it: `liveEvents().for(url)`.
 */
export function liveEvents() {
  const streams: LiveStream[] = []
  const connect = ({ client, request }: { client: Client; request: Request }) => {
    streams.push(new LiveStream(new URL(request.url).pathname, client, request))
  }
  server.use(sse<Events>('/api/v1/videos/events', connect), sse<Events>('/api/v1/videos/:id/events', connect))
  return {
    /** The streams opened to a path (most recent last). */
    for: (path: string) => streams.filter((s) => s.url === path),
    get instances() {
      return streams
    },
  }
}

/** The next connection to `path` is refused with a 401 (an expired session): the `EventSource` fails for good. */
export function refuseNextStream(path: string) {
  server.use(
    http.get(path, () => problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }), { once: true }),
  )
}
