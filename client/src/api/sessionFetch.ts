import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies'

/**
 * Session-aware `fetch` used by the API client.
 *
 * The access token cookie lives about 10 minutes. When a request (other than
 * the `/auth/*` endpoints themselves) gets a 401, this wrapper makes ONE
 * `POST /auth/refresh`, shared by every request that fails while it runs, then
 * retries each original request once:
 * - 200: the cookies were rotated; retry.
 * - 409 `refresh_race`: another tab has just rotated them; retry as well.
 * - 401/403, or no `csrf_token` cookie at all: the session is over. Listeners
 *   registered with `onSessionExpired` are told (the app clears its cached user
 *   and sends the user to the sign-in page); the original 401 is returned.
 * - anything else (network error, 5xx): the original 401 is returned and the
 *   session is left alone, so a flaky network does not sign anyone out.
 */

const AUTH_PATH_PREFIX = '/api/v1/auth/'
export const REFRESH_PATH = '/api/v1/auth/refresh'

type RefreshOutcome = 'refreshed' | 'expired' | 'failed'
type Listener = () => void

const expiryListeners = new Set<Listener>()
let inflight: Promise<RefreshOutcome> | null = null
/** Bumped after each successful refresh; lets late 401s retry without refreshing again. */
let generation = 0

/** Subscribes to "the session is over"; returns the unsubscribe function. */
export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener)
  return () => {
    expiryListeners.delete(listener)
  }
}

function notifyExpired() {
  for (const listener of [...expiryListeners]) listener()
}

async function postRefresh(): Promise<RefreshOutcome> {
  const csrf = readCookie(CSRF_COOKIE)
  // No csrf_token cookie means no session cookies either (they are set and cleared together).
  if (!csrf) return 'expired'
  try {
    const response = await globalThis.fetch(
      new Request(REFRESH_PATH, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { [CSRF_HEADER]: csrf, Accept: 'application/json' },
      }),
    )
    if (response.ok || response.status === 409) {
      generation++
      return 'refreshed'
    }
    return response.status === 401 || response.status === 403 ? 'expired' : 'failed'
  } catch {
    return 'failed'
  }
}

/** Refreshes the session, sharing one request between concurrent callers. */
export function refreshSession(): Promise<RefreshOutcome> {
  if (!inflight) {
    inflight = postRefresh().then((outcome) => {
      inflight = null
      if (outcome === 'expired') notifyExpired()
      return outcome
    })
  }
  return inflight
}

function isAuthEndpoint(request: Request): boolean {
  return new URL(request.url, globalThis.document?.baseURI).pathname.startsWith(AUTH_PATH_PREFIX)
}

/** The retried request must carry the CSRF token of the rotated cookie. */
function withCurrentCsrf(request: Request): Request {
  if (!request.headers.has(CSRF_HEADER)) return request
  const token = readCookie(CSRF_COOKIE)
  if (!token) return request
  const headers = new Headers(request.headers)
  headers.set(CSRF_HEADER, token)
  return new Request(request, { headers })
}

/**
 * File uploads are not replayed: keeping a copy of their body would hold the
 * whole file in memory. They still renew the session, so the caller's own
 * retry succeeds.
 */
function isReplayable(request: Request): boolean {
  const type = request.headers.get('Content-Type') ?? ''
  return !type.startsWith('multipart/form-data') && !type.startsWith('application/octet-stream')
}

export async function sessionFetch(request: Request): Promise<Response> {
  if (isAuthEndpoint(request)) return globalThis.fetch(request)

  // Keep an unread copy of the body for the retry.
  const copy = isReplayable(request) ? request.clone() : undefined
  const sentAt = generation
  const response = await globalThis.fetch(request)
  if (response.status !== 401) return response

  // A refresh that finished after this request left already renewed the cookies.
  const outcome = generation !== sentAt ? 'refreshed' : await refreshSession()
  if (outcome !== 'refreshed' || !copy) return response

  const retried = await globalThis.fetch(withCurrentCsrf(copy))
  if (retried.status === 401) notifyExpired()
  return retried
}
