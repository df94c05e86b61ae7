import { http, HttpResponse } from 'msw'
import type { FrontendConfig } from '../api/frontendConfig'
import type { ProblemDetails } from '../api/errors'
import { frontendConfig, recordRequests, server, type RequestRecorder } from './server'

export { frontendConfig, server }

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

type Handler = (request: Request) => Response | Promise<Response>

/** A handler's rejection stands for a failed connection (fetch rejects with a TypeError). */
async function answer(handler: Handler, request: Request): Promise<Response> {
  try {
    return await handler(request)
  } catch (error) {
    if (error instanceof TypeError) return HttpResponse.error()
    throw error
  }
}

/**
 * Answers every request with `handler` (on top of the default handlers, until the test ends) and returns the
 * recorder of the requests sent (`sentRequests`, `requestsTo`).
 */
export function mockFetch(handler: Handler): RequestRecorder {
  server.use(http.all('*', ({ request }) => answer(handler, request)))
  return recordRequests()
}

/** The `Request` objects the app sent, in order. */
export function sentRequests(recorder: RequestRecorder): Request[] {
  return recorder.mock.calls.map(([request]) => request)
}

/** Serves GET /api/v1/config/frontend with the given config; anything else is a 404 problem (the defaults). */
export function mockConfigEndpoint(config: FrontendConfig = frontendConfig()): RequestRecorder {
  server.use(http.get('/api/v1/config/frontend', () => HttpResponse.json(config)))
  return recordRequests()
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

const methods = { GET: http.get, POST: http.post, PUT: http.put, PATCH: http.patch, DELETE: http.delete } as const

/**
 * Serves the API from a table keyed by "METHOD /path", e.g.
 * `{ 'GET /api/v1/me': me(), 'POST /api/v1/auth/login': (req) => ... }`, with `server.use()` over the default
 * handlers (`GET /api/v1/config/frontend` is `frontendConfig()`; anything else unlisted is a 404 problem).
 * Returns the recorder of the requests sent.
 */
export function mockApi(routes: Record<string, ApiRoute>): RequestRecorder {
  server.use(
    ...Object.entries(routes).map(([key, route]) => {
      const [method, path] = key.split(' ') as [keyof typeof methods, string]
      return methods[method](path, ({ request }) =>
        typeof route === 'function' ? answer(route as Handler, request) : HttpResponse.json(route as Record<string, unknown>),
      )
    }),
  )
  return recordRequests()
}

/** The requests sent to one endpoint ("METHOD /path"). */
export function requestsTo(recorder: RequestRecorder, key: string): Request[] {
  return sentRequests(recorder).filter((r) => `${r.method} ${new URL(r.url).pathname}` === key)
}
