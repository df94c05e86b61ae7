import { vi } from 'vitest'
import type { FrontendConfig } from '../api/frontendConfig'
import type { ProblemDetails } from '../api/errors'

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  })
}

export function problemResponse(problem: ProblemDetails & { status: number }, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  })
}

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

type Handler = (request: Request) => Response | Promise<Response>

/**
 * Replaces `globalThis.fetch` (restored after each test by `unstubGlobals`)
 * and returns the spy. The app's real API client calls it with a `Request`.
 */
export function mockFetch(handler: Handler) {
  const spy = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    handler(input instanceof Request ? input : new Request(input, init)),
  )
  vi.stubGlobal('fetch', spy)
  return spy
}

/** The `Request` objects the app sent, in order. */
export function sentRequests(spy: ReturnType<typeof mockFetch>): Request[] {
  return spy.mock.calls.map(([input, init]) => (input instanceof Request ? input : new Request(input, init)))
}

/** Serves GET /api/v1/config/frontend with the given config; anything else is a 404 problem. */
export function mockConfigEndpoint(config: FrontendConfig = frontendConfig()) {
  return mockFetch((request) => {
    const { pathname } = new URL(request.url)
    if (request.method === 'GET' && pathname === '/api/v1/config/frontend') return jsonResponse(config)
    return problemResponse({ type: 'about:blank', title: 'Not Found', status: 404 })
  })
}

/** A promise with its resolve function, for holding a response back. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

type RouteResult = Response | Promise<Response>
/** A handler, or a JSON body to answer with (200). */
export type ApiRoute = ((request: Request) => RouteResult) | object

/**
 * Serves the API from a table keyed by "METHOD /path", e.g.
 * `{ 'GET /api/v1/me': me(), 'POST /api/v1/auth/login': (req) => ... }`.
 * `GET /api/v1/config/frontend` defaults to `frontendConfig()`; anything
 * else unlisted is a 404 problem.
 */
export function mockApi(routes: Record<string, ApiRoute>) {
  return mockFetch((request) => {
    const { pathname } = new URL(request.url)
    const route = routes[`${request.method} ${pathname}`]
    if (route === undefined) {
      if (request.method === 'GET' && pathname === '/api/v1/config/frontend') return jsonResponse(frontendConfig())
      return problemResponse({ type: 'about:blank', title: 'Not Found', status: 404 })
    }
    // Handlers get a copy, so tests can still read the body of the recorded request.
    return typeof route === 'function' ? (route as (r: Request) => RouteResult)(request.clone()) : jsonResponse(route)
  })
}

/** The requests sent to one endpoint ("METHOD /path"). */
export function requestsTo(spy: ReturnType<typeof mockFetch>, key: string): Request[] {
  return sentRequests(spy).filter((r) => `${r.method} ${new URL(r.url).pathname}` === key)
}
