import './eventSource'
import { http, HttpResponse, sse, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { vi } from 'vitest'
import type { FrontendConfig } from '../api/frontendConfig'
import type { ProblemDetails } from '../api/errors'

export function frontendConfig(overrides: Partial<FrontendConfig> = {}): FrontendConfig {
  return {
    signupEnabled: true,
    maxUploadBytes: 2 * 1024 ** 3,
    languages: ['en', 'ja'],
    providers: { chat: 'extractive', embeddings: 'hashing', transcription: 'none' },
    version: '0.1.0',
    ...overrides,
  }
}

function notFound(): Response {
  const problem: ProblemDetails = { type: 'about:blank', title: 'Not Found', status: 404 }
  return HttpResponse.json(problem, { status: 404, headers: { 'Content-Type': 'application/problem+json' } })
}

/**
 * What every test starts with: the public config, quiet live streams, and a 404 problem for anything else under
 * /api, as the server answers an unknown route (so `GET /api/v1/me` answers as for a visitor unless a test serves a
 * profile). A test adds or overrides routes with `server.use(...)` (or `mockApi`); they are reset after it.
 */
export const defaultHandlers: RequestHandler[] = [
  http.get('/api/v1/config/frontend', () => HttpResponse.json(frontendConfig())),
  // The live status streams: open, with nothing to report (a test sends events with its own `sse()` handler).
  sse('/api/v1/videos/events', () => {}),
  sse('/api/v1/videos/:id/events', () => {}),
  http.all('/api/*', () => notFound()),
]

/** The fake API (Mock Service Worker's interception of fetch, XMLHttpRequest and EventSource in Node). */
export const server = setupServer(...defaultHandlers)

/**
 * Every request the app sent, in order, as a mock function called with a copy of each `Request` (its body still
 * readable). `recordRequests()` gives a fresh one; it is what `mockApi`/`mockFetch` return.
 */
let recorder = vi.fn<(request: Request) => void>()
server.events.on('request:start', ({ request }) => {
  recorder(request.clone())
})

export function recordRequests() {
  recorder = vi.fn<(request: Request) => void>()
  return recorder
}

export type RequestRecorder = ReturnType<typeof recordRequests>
