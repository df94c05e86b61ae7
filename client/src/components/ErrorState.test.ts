import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/errors'
import { errorMessage } from './ErrorState'

const t = ((key: string, options?: { count?: number }) => (options?.count === undefined ? key : `${key}:${options.count}`)) as unknown as TFunction

describe('errorMessage', () => {
  it('explains too_many_streams (a 429) with its own message rather than a generic "wait"', () => {
    const error = new ApiError({ status: 429, title: 'Too Many Requests', code: 'too_many_streams' }, { retryAfterSeconds: 20 })
    expect(errorMessage(error, t)).toBe('errors.codes.too_many_streams')
  })

  it('tells how long to wait for any other 429', () => {
    const error = new ApiError({ status: 429, title: 'Too Many Requests', code: 'rate_limited' }, { retryAfterSeconds: 20 })
    expect(errorMessage(error, t)).toBe('errors.rateLimitedSeconds:20')
  })
})
