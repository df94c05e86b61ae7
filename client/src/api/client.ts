import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch'
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies'
import type { components, paths } from './schema'
import { sessionFetch } from './sessionFetch'

export { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies'

/** Schemas from the generated OpenAPI types, e.g. `Schemas['FrontendConfigDto']`. */
export type Schemas = components['schemas']

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Double-submit CSRF protection: cookie-authenticated unsafe requests must
 * echo the readable `csrf_token` cookie in the `X-CSRF-Token` header.
 * Requests that already carry the header (or no cookie exists yet, e.g. before
 * login) are left alone.
 */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (!UNSAFE_METHODS.has(request.method.toUpperCase())) return undefined
    if (request.headers.has(CSRF_HEADER)) return undefined
    const token = readCookie(CSRF_COOKIE)
    if (!token) return undefined
    request.headers.set(CSRF_HEADER, token)
    return request
  },
}

export type ApiClient = Client<paths>

/**
 * Creates a typed client for the AskVideo REST API. Paths in the OpenAPI
 * document already start with `/api/v1`, and the API is served on the same
 * origin as the app, so the base URL is empty. (The type parameter exists for
 * tests; the app uses the generated `paths`.)
 */
export function createApiClient<P extends object = paths>(options: ClientOptions = {}): Client<P> {
  const client = createClient<P>({
    baseUrl: '',
    credentials: 'same-origin',
    // Renews the session on a 401 and retries once (see sessionFetch.ts). It
    // looks `fetch` up on every call, so test doubles installed later are honoured.
    fetch: sessionFetch,
    ...options,
  })
  client.use(csrfMiddleware)
  return client
}

/** The app-wide API client. */
export const api = createApiClient()
