import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { jsonResponse, mockApi } from '../test/http'
import { me, withSessionCookie } from '../test/session'
import { clearSession, followOtherTabs, loadSession, SESSION_KEY, type Me } from './session'

/** Two tabs: each has its query cache and its own end of the BroadcastChannel. */
function tab(user: Me | null) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  queryClient.setQueryData(SESSION_KEY, user)
  queryClient.setQueryData(['videos', 'list'], { items: ['cached'] })
  return { queryClient, close: followOtherTabs(queryClient) }
}

const session = (t: ReturnType<typeof tab>) => t.queryClient.getQueryData<Me | null>(SESSION_KEY)

const opened: (() => void)[] = []
afterEach(() => {
  for (const close of opened.splice(0)) close()
})

function tabs(a: Me | null, b: Me | null) {
  const first = tab(a)
  const second = tab(b)
  opened.push(first.close, second.close)
  return [first, second] as const
}

describe('sessions across tabs', () => {
  it('a sign-out in one tab signs out the other', async () => {
    const [one, two] = tabs(me(), me())

    clearSession(one.queryClient)

    await expect.poll(() => session(two)).toBeNull()
    expect(two.queryClient.getQueryData(['videos', 'list'])).toBeUndefined()
    // The other tab does not echo it back (the first one stays signed out, once).
    expect(session(one)).toBeNull()
  })

  it('an expired session is not announced: each tab finds out for itself', async () => {
    const [one, two] = tabs(me(), me())

    clearSession(one.queryClient, 'expired')
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(session(two)).toEqual(me())
  })

  it('a sign-in in one tab loads the profile in a visitor tab', async () => {
    withSessionCookie()
    const fetch = mockApi({ 'GET /api/v1/me': () => jsonResponse(me()) })
    const [one, two] = tabs(null, null)

    await loadSession(one.queryClient)

    await expect.poll(() => session(two)).toEqual(me())
    expect(fetch).toHaveBeenCalled()
  })

  it('a tab of another account drops its data when someone else signs in', async () => {
    withSessionCookie()
    const bob = me({ id: '22222222-2222-4222-8222-222222222222', username: 'bob' })
    mockApi({ 'GET /api/v1/me': () => jsonResponse(bob) })
    const [one, two] = tabs(null, me())

    await loadSession(one.queryClient)

    await expect.poll(() => session(two)?.username).toBe('bob')
    expect(two.queryClient.getQueryData(['videos', 'list'])).toBeUndefined()
  })
})
