import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'

/** Schemas from the generated OpenAPI types, e.g. `Schemas['FrontendConfigDto']`. */
export type Schemas = components['schemas']

export const CSRF_COOKIE = 'csrf_token'
export const CSRF_HEADER = 'X-CSRF-Token'

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Reads one cookie from a `document.cookie`-style string. */
export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ''): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() !== name) continue
    const raw = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

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
export function createApiClient<P extends {} = paths>(options: ClientOptions = {}): Client<P> {
  const client = createClient<P>({
    baseUrl: '',
    credentials: 'same-origin',
    // Look `fetch` up on every call instead of capturing it once, so that
    // polyfills and test doubles installed later are honoured.
    fetch: (request: Request) => globalThis.fetch(request),
    ...options,
  })
  client.use(csrfMiddleware)
  return client
}

/** The app-wide API client. */
export const api = createApiClient()
