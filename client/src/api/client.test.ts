import { describe, expect, it } from 'vitest'
import { mockFetch, jsonResponse, sentRequests, frontendConfig } from '../test/http'
import { api, createApiClient, CSRF_HEADER, readCookie } from './client'

/** A tiny contract with unsafe methods, to exercise the middleware end to end. */
interface TestPaths {
  '/api/v1/things': {
    get: { responses: { 200: { content: { 'application/json': { ok: boolean } } } } }
    post: {
      requestBody: { content: { 'application/json': { name: string } } }
      responses: { 201: { content: { 'application/json': { ok: boolean } } } }
    }
  }
  '/api/v1/things/{id}': {
    parameters: { path: { id: string } }
    put: { parameters: { path: { id: string } }; responses: { 200: { content: { 'application/json': { ok: boolean } } } } }
    patch: { parameters: { path: { id: string } }; responses: { 200: { content: { 'application/json': { ok: boolean } } } } }
    delete: { parameters: { path: { id: string } }; responses: { 204: { content?: never } } }
  }
}

function okFetch() {
  return mockFetch((request) => (request.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse({ ok: true })))
}

describe('CSRF middleware', () => {
  it('copies the csrf_token cookie into X-CSRF-Token on POST', async () => {
    document.cookie = 'theme=light'
    document.cookie = 'csrf_token=tok%2Fen%3D123'
    const fetch = okFetch()
    const client = createApiClient<TestPaths>()

    const { data } = await client.POST('/api/v1/things', { body: { name: 'x' } })

    expect(data).toEqual({ ok: true })
    const [request] = sentRequests(fetch)
    expect(request?.method).toBe('POST')
    expect(request?.headers.get(CSRF_HEADER)).toBe('tok/en=123')
    expect(request?.credentials).toBe('same-origin')
    expect(new URL(request!.url).pathname).toBe('/api/v1/things')
  })

  it.each(['PUT', 'PATCH', 'DELETE'] as const)('adds the header on %s', async (method) => {
    document.cookie = 'csrf_token=abc'
    const fetch = okFetch()
    const client = createApiClient<TestPaths>()
    const init = { params: { path: { id: '42' } } }

    if (method === 'PUT') await client.PUT('/api/v1/things/{id}', init)
    if (method === 'PATCH') await client.PATCH('/api/v1/things/{id}', init)
    if (method === 'DELETE') await client.DELETE('/api/v1/things/{id}', init)

    const [request] = sentRequests(fetch)
    expect(request?.method).toBe(method)
    expect(new URL(request!.url).pathname).toBe('/api/v1/things/42')
    expect(request?.headers.get(CSRF_HEADER)).toBe('abc')
  })

  it('does not add the header on GET', async () => {
    document.cookie = 'csrf_token=abc'
    const fetch = okFetch()
    const client = createApiClient<TestPaths>()

    await client.GET('/api/v1/things')

    const [request] = sentRequests(fetch)
    expect(request?.method).toBe('GET')
    expect(request?.headers.has(CSRF_HEADER)).toBe(false)
  })

  it('sends no header when there is no csrf_token cookie (e.g. before login)', async () => {
    document.cookie = 'not_csrf_token=nope'
    const fetch = okFetch()

    await createApiClient<TestPaths>().POST('/api/v1/things', { body: { name: 'x' } })

    expect(sentRequests(fetch)[0]?.headers.has(CSRF_HEADER)).toBe(false)
  })

  it('keeps a header the caller set explicitly', async () => {
    document.cookie = 'csrf_token=from-cookie'
    const fetch = okFetch()

    await createApiClient<TestPaths>().POST('/api/v1/things', {
      body: { name: 'x' },
      headers: { [CSRF_HEADER]: 'explicit' },
    })

    expect(sentRequests(fetch)[0]?.headers.get(CSRF_HEADER)).toBe('explicit')
  })

  it('is installed on the app-wide client, which calls same-origin /api/v1 paths', async () => {
    document.cookie = 'csrf_token=abc'
    const fetch = mockFetch(() => jsonResponse(frontendConfig()))

    const { data } = await api.GET('/api/v1/config/frontend')

    expect(data?.version).toBe('0.1.0')
    const [request] = sentRequests(fetch)
    expect(request?.url).toBe(new URL('/api/v1/config/frontend', document.baseURI).href)
    expect(request?.credentials).toBe('same-origin')
    expect(request?.headers.has(CSRF_HEADER)).toBe(false)
  })
})

describe('readCookie', () => {
  it('finds a cookie by exact name and decodes it', () => {
    const cookies = 'xcsrf_token=wrong; csrf_token=a%20b; other=1'
    expect(readCookie('csrf_token', cookies)).toBe('a b')
    expect(readCookie('other', cookies)).toBe('1')
    expect(readCookie('missing', cookies)).toBeUndefined()
  })

  it('prefers the __Host- prefixed cookie a server with Secure cookies sets', () => {
    expect(readCookie('csrf_token', 'csrf_token=stale; __Host-csrf_token=fresh')).toBe('fresh')
    expect(readCookie('csrf_token', '__Host-csrf_token=only')).toBe('only')
    expect(readCookie('csrf_token', 'x__Host-csrf_token=wrong; csrf_token=plain')).toBe('plain')
  })

  it('returns the raw value when it is not valid URI encoding', () => {
    expect(readCookie('csrf_token', 'csrf_token=%E0%A4%A')).toBe('%E0%A4%A')
  })
})
