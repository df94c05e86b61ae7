import { describe, expect, it } from 'vitest'
import { jsonResponse, mockFetch, problemResponse } from '../test/http'
import { createApiClient } from './client'
import { ApiError, CLIENT_ERROR_CODES, isProblemDetails, toApiError, unwrap } from './errors'

describe('toApiError', () => {
  it('keeps every field of a problem+json body', () => {
    const error = toApiError({
      type: 'https://askvideo.dev/problems/validation',
      title: 'One or more validation errors occurred.',
      status: 422,
      detail: 'The request is invalid.',
      code: 'validation_failed',
      errors: { password: ['Too short.', 'Too common.'] },
    })

    expect(error).toBeInstanceOf(ApiError)
    expect(error).toBeInstanceOf(Error)
    expect(error.status).toBe(422)
    expect(error.type).toBe('https://askvideo.dev/problems/validation')
    expect(error.title).toBe('One or more validation errors occurred.')
    expect(error.detail).toBe('The request is invalid.')
    expect(error.message).toBe('The request is invalid.')
    expect(error.code).toBe('validation_failed')
    expect(error.fieldErrors('password')).toEqual(['Too short.', 'Too common.'])
    expect(error.fieldErrors('email')).toEqual([])
    expect(error.isNetworkError).toBe(false)
  })

  it('takes the status from the response when the problem omits it', () => {
    const error = toApiError({ title: 'Forbidden' }, new Response(null, { status: 403 }))
    expect(error.status).toBe(403)
    expect(error.type).toBe('about:blank')
  })

  it('turns a non-problem error body (e.g. a proxy HTML page) into an http_error', () => {
    const response = new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' })
    const error = toApiError('<html>Bad Gateway</html>', response)
    expect(error.status).toBe(502)
    expect(error.title).toBe('Bad Gateway')
    expect(error.code).toBe(CLIENT_ERROR_CODES.http)
  })

  it('turns a thrown fetch error into a network_error with status 0', () => {
    const cause = new TypeError('Failed to fetch')
    const error = toApiError(cause)
    expect(error.status).toBe(0)
    expect(error.isNetworkError).toBe(true)
    expect(error.code).toBe(CLIENT_ERROR_CODES.network)
    expect(error.cause).toBe(cause)
  })

  it('returns an ApiError unchanged', () => {
    const original = new ApiError({ title: 'Conflict', status: 409 })
    expect(toApiError(original)).toBe(original)
  })
})

describe('isProblemDetails', () => {
  it('accepts problem-shaped objects only', () => {
    expect(isProblemDetails({ title: 'x', status: 400, type: 'about:blank' })).toBe(true)
    expect(isProblemDetails({ title: 'x' })).toBe(true)
    expect(isProblemDetails({ status: 400 })).toBe(false)
    expect(isProblemDetails({ title: 'x', status: '400' })).toBe(false)
    expect(isProblemDetails('Bad Gateway')).toBe(false)
    expect(isProblemDetails(null)).toBe(false)
  })
})

interface TestPaths {
  '/api/v1/things': {
    get: {
      responses: {
        200: { content: { 'application/json': { ok: boolean } } }
        default: { content: { 'application/problem+json': { title: string } } }
      }
    }
  }
}

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    mockFetch(() => jsonResponse({ ok: true }))
    const data = await unwrap(createApiClient<TestPaths>().GET('/api/v1/things'))
    expect(data).toEqual({ ok: true })
  })

  it('throws an ApiError built from a problem+json response', async () => {
    mockFetch(() =>
      problemResponse({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited' }),
    )
    const error = await unwrap(createApiClient<TestPaths>().GET('/api/v1/things')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', title: 'Too Many Requests' })
  })

  it('throws an http_error for an error response with an empty body', async () => {
    mockFetch(() => new Response(null, { status: 503, statusText: 'Service Unavailable' }))
    const error = await unwrap(createApiClient<TestPaths>().GET('/api/v1/things')).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 503, code: CLIENT_ERROR_CODES.http })
  })

  it('throws a network_error when fetch rejects', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')))
    const error = await unwrap(createApiClient<TestPaths>().GET('/api/v1/things')).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 0, code: CLIENT_ERROR_CODES.network })
  })

  it('rethrows aborts untouched so query cancellation stays silent', async () => {
    const abort = new DOMException('The operation was aborted.', 'AbortError')
    mockFetch(() => new Promise<Response>(() => {}))
    const controller = new AbortController()
    const pending = unwrap(createApiClient<TestPaths>().GET('/api/v1/things', { signal: controller.signal })).catch((e: unknown) => e)
    controller.abort(abort)
    const error = await pending
    expect(error).toBe(abort)
  })
})
