import type { Schemas } from '../api/client'
import type { Me } from '../api/session'

/** A signed-in user's profile as `GET /api/v1/me` returns it. */
export function me(overrides: Partial<Me> = {}): Me {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    email: 'alice@example.com',
    username: 'alice',
    isAdmin: false,
    emailVerifiedAt: '2026-01-02T10:00:00Z',
    createdAt: '2026-01-02T09:00:00Z',
    preferences: { preferredLanguage: 'en', llmModel: null, llmTemperature: null },
    limits: { videoLimit: 10, maxUploadBytes: 2 * 1024 ** 3 },
    usage: { videoCount: 3, storageBytes: 1536 * 1024 ** 2 },
    openAiKey: { configured: false, last4: null },
    ...overrides,
  }
}

/** Pretends the browser holds session cookies (the readable one, at least). */
export function withSessionCookie(token = 'csrf-1') {
  document.cookie = `csrf_token=${token}; path=/`
}

export function session(user: Me = me()): Schemas['SessionDto'] {
  return {
    user: {
      id: user.id,
      email: user.email,
      username: user.username,
      isAdmin: user.isAdmin,
      preferredLanguage: user.preferences.preferredLanguage,
      emailVerifiedAt: user.emailVerifiedAt,
      createdAt: user.createdAt,
    },
  }
}
