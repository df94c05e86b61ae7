import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deferred, jsonResponse, mockApi, mockFetch, problemResponse, requestsTo, sentRequests } from '../test/http'
import { renderApp } from '../test/render'
import { me, withSessionCookie } from '../test/session'
import { api, CSRF_HEADER } from './client'
import { ApiError, unwrap } from './errors'
import { onSessionExpired } from './sessionFetch'

const unauthenticated = () => problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' })
const path = (request: Request) => `${request.method} ${new URL(request.url).pathname}`

/** An API whose access token has expired: every call is a 401 until a refresh succeeds. */
function expiredAccessToken(refresh: () => Response | Promise<Response>) {
  let refreshed = false
  const spy = mockFetch(async (request) => {
    if (path(request) === 'POST /api/v1/auth/refresh') {
      const response = await refresh()
      if (response.ok || response.status === 409) {
        refreshed = true
        document.cookie = 'csrf_token=rotated; path=/'
      }
      return response
    }
    if (!refreshed) return unauthenticated()
    if (path(request) === 'GET /api/v1/me/tokens') return jsonResponse([])
    if (path(request) === 'GET /api/v1/me') return jsonResponse(me())
    if (path(request) === 'PATCH /api/v1/me') return jsonResponse(me({ username: 'renamed' }))
    return problemResponse({ title: 'Not Found', status: 404 })
  })
  return spy
}

describe('session refresh on 401', () => {
  const unsubscribe: Array<() => void> = []
  afterEach(() => {
    for (const u of unsubscribe.splice(0)) u()
  })

  it('shares ONE refresh between concurrent 401s and retries each request once', async () => {
    withSessionCookie('old')
    const refresh = deferred<Response>()
    const fetch = expiredAccessToken(() => refresh.promise)

    const tokens = unwrap(api.GET('/api/v1/me/tokens'))
    const profile = unwrap(api.GET('/api/v1/me'))
    await vi.waitFor(() => expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(1))
    refresh.resolve(jsonResponse({ user: {} }))

    await expect(tokens).resolves.toEqual([])
    await expect(profile).resolves.toMatchObject({ username: 'alice' })
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(1)
    expect(requestsTo(fetch, 'GET /api/v1/me/tokens')).toHaveLength(2)
    expect(requestsTo(fetch, 'GET /api/v1/me')).toHaveLength(2)
    // The refresh itself is a CSRF-protected POST.
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')[0]?.headers.get(CSRF_HEADER)).toBe('old')
  })

  it('retries after 409 refresh_race (another tab refreshed first)', async () => {
    withSessionCookie()
    const fetch = expiredAccessToken(() =>
      problemResponse({ title: 'Conflict', status: 409, code: 'refresh_race' }),
    )

    await expect(unwrap(api.GET('/api/v1/me/tokens'))).resolves.toEqual([])
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(1)
    expect(requestsTo(fetch, 'GET /api/v1/me/tokens')).toHaveLength(2)
  })

  it('replays the body and sends the rotated CSRF token on the retried request', async () => {
    withSessionCookie('old')
    const fetch = expiredAccessToken(() => jsonResponse({ user: {} }))

    await unwrap(api.PATCH('/api/v1/me', { body: { username: 'renamed' } }))

    const [first, retry] = requestsTo(fetch, 'PATCH /api/v1/me')
    expect(first?.headers.get(CSRF_HEADER)).toBe('old')
    expect(retry?.headers.get(CSRF_HEADER)).toBe('rotated')
    expect(await retry?.json()).toEqual({ username: 'renamed' })
  })

  it('signs out when the refresh is refused (401), without retrying', async () => {
    withSessionCookie()
    const expired = vi.fn()
    unsubscribe.push(onSessionExpired(expired))
    const fetch = expiredAccessToken(() => problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }))

    const error = await unwrap(api.GET('/api/v1/me/tokens')).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 401 })
    expect(expired).toHaveBeenCalledTimes(1)
    expect(requestsTo(fetch, 'GET /api/v1/me/tokens')).toHaveLength(1)
  })

  it('does not try to refresh without session cookies', async () => {
    const expired = vi.fn()
    unsubscribe.push(onSessionExpired(expired))
    const fetch = mockFetch(() => unauthenticated())

    await expect(unwrap(api.GET('/api/v1/me/tokens'))).rejects.toMatchObject({ status: 401 })
    expect(sentRequests(fetch).map(path)).toEqual(['GET /api/v1/me/tokens'])
  })

  it('never refreshes for the auth endpoints themselves (a wrong password is just a 401)', async () => {
    withSessionCookie()
    const fetch = mockFetch(() => unauthenticated())

    await expect(unwrap(api.POST('/api/v1/auth/login', { body: { login: 'a', password: 'b' } }))).rejects.toMatchObject({
      status: 401,
    })
    expect(sentRequests(fetch).map(path)).toEqual(['POST /api/v1/auth/login'])
  })

  it('keeps the session on a network failure during refresh', async () => {
    withSessionCookie()
    const expired = vi.fn()
    unsubscribe.push(onSessionExpired(expired))
    expiredAccessToken(() => Promise.reject(new TypeError('Failed to fetch')))

    await expect(unwrap(api.GET('/api/v1/me/tokens'))).rejects.toMatchObject({ status: 401 })
    expect(expired).not.toHaveBeenCalled()
  })

  it('sends a signed-in user whose session ended to /login?next=<where they were>', async () => {
    withSessionCookie()
    let sessionOver = false
    mockApi({
      'GET /api/v1/me': () => (sessionOver ? unauthenticated() : jsonResponse(me())),
      'GET /api/v1/me/tokens': () => {
        sessionOver = true
        return unauthenticated()
      },
      'POST /api/v1/auth/refresh': () => problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }),
    })

    const { router } = renderApp('/settings/tokens')

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Ftokens')
    expect(screen.getByText('Your session has ended')).toBeInTheDocument()
  })
})
