import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { api, type Schemas } from './client'
import { hasSessionCookie } from './cookies'
import { ApiError, unwrap } from './errors'
import { announceSession, connectSessionChannel } from './sessionChannel'

export type Me = Schemas['MeDto']

export const SESSION_KEY = ['session', 'me'] as const
/** Why the last session ended: 'expired' (refused refresh) or 'signedOut' (on purpose). */
const ENDED_KEY = ['session', 'ended'] as const
export type SessionEnd = 'expired' | 'signedOut'

/**
 * `GET /me`: the signed-in user, or `null` for a visitor. A 401 means "signed
 * out" (after the client has already tried to refresh the session), never an
 * error. Without a `csrf_token` cookie there can be no session, so visitors
 * get `null` at once, without a request.
 */
export const sessionQuery = queryOptions({
  queryKey: SESSION_KEY,
  queryFn: async ({ signal }): Promise<Me | null> => {
    if (!hasSessionCookie()) return null
    try {
      return await unwrap(api.GET('/api/v1/me', { signal }))
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null
      throw error
    }
  },
  initialData: () => (hasSessionCookie() ? undefined : null),
  staleTime: 60 * 1000,
})

/**
 * The current session. `user` is `undefined` while loading, `null` for a
 * visitor and the profile (`GET /me`) when signed in.
 */
export function useSession() {
  const query = useQuery(sessionQuery)
  return { ...query, user: query.data }
}

/** Queries that belong to the signed-in user (everything except public server config). */
function isUserData(queryKey: readonly unknown[]): boolean {
  return queryKey[0] !== 'config' && queryKey[0] !== 'session'
}

/**
 * Forgets the signed-in user: the session becomes `null` and every cached
 * user-specific query is dropped. The reason decides where guards send the
 * user: after an expiry to the sign-in page (which explains why), after a
 * deliberate sign-out (or account deletion) home.
 */
export function clearSession(queryClient: QueryClient, reason: SessionEnd = 'signedOut', { announce = true } = {}): void {
  queryClient.setQueryData<EndedState>(ENDED_KEY, { reason, at: Date.now() })
  queryClient.removeQueries({ predicate: (q) => isUserData(q.queryKey) })
  queryClient.removeQueries({ queryKey: LANGUAGE_APPLIED_KEY, exact: true })
  queryClient.setQueryData(SESSION_KEY, null)
  // A deliberate sign-out (or account deletion) ends the session of every tab: the cookies are gone for all.
  if (announce && reason === 'signedOut') announceSession(queryClient, { type: 'signedOut' })
}

/**
 * Listens to the other tabs: their sign-out signs this tab out (guards then
 * lead home), their sign-in loads the profile here (a visitor's tab becomes
 * signed in; a tab of another account drops that account's data first).
 */
export function followOtherTabs(queryClient: QueryClient): () => void {
  return connectSessionChannel(queryClient, (message) => {
    const current = queryClient.getQueryData<Me | null>(SESSION_KEY)
    if (message.type === 'signedOut') {
      if (current) clearSession(queryClient, 'signedOut', { announce: false })
      return
    }
    if (current?.id === message.userId) return
    if (current) queryClient.removeQueries({ predicate: (q) => isUserData(q.queryKey) })
    queryClient.removeQueries({ queryKey: ENDED_KEY, exact: true })
    void queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 }).catch(() => undefined)
  })
}

/** The id of the user whose saved language this tab has applied (see `SessionWatcher`). */
const LANGUAGE_APPLIED_KEY = ['session', 'languageApplied'] as const
/** Set by a sign-in in this tab: its saved language then wins over the URL's. */
const SIGNED_IN_HERE_KEY = ['session', 'signedInHere'] as const

export function languageAppliedFor(queryClient: QueryClient): string | undefined {
  return queryClient.getQueryData<string>(LANGUAGE_APPLIED_KEY)
}

/** Marks the user's language as applied; returns true when it follows a sign-in in this tab (not a restored session). */
export function markLanguageApplied(queryClient: QueryClient, userId: string): boolean {
  const signedInHere = queryClient.getQueryData<boolean>(SIGNED_IN_HERE_KEY) === true
  queryClient.removeQueries({ queryKey: SIGNED_IN_HERE_KEY, exact: true })
  queryClient.setQueryData(LANGUAGE_APPLIED_KEY, userId)
  return signedInHere
}

interface EndedState {
  reason: SessionEnd
  at: number
}

/** Why the last session ended, if one ended in this tab. */
export function sessionEnd(queryClient: QueryClient): SessionEnd | undefined {
  return queryClient.getQueryData<EndedState>(ENDED_KEY)?.reason
}

/**
 * True right after a deliberate sign-out: the page being left may still
 * render once without a user, and its guard should then lead home rather than
 * to "sign in to continue".
 */
export function justSignedOut(queryClient: QueryClient, now = Date.now()): boolean {
  const ended = queryClient.getQueryData<EndedState>(ENDED_KEY)
  return ended?.reason === 'signedOut' && now - ended.at < 5000
}

/** True when the last session ended because it expired (not a sign-out). */
export function sessionExpired(queryClient: QueryClient): boolean {
  return sessionEnd(queryClient) === 'expired'
}

/** After a successful sign-in: loads the profile so guards and the header update. */
export async function loadSession(queryClient: QueryClient): Promise<Me | null> {
  queryClient.removeQueries({ queryKey: ENDED_KEY, exact: true })
  queryClient.removeQueries({ queryKey: LANGUAGE_APPLIED_KEY, exact: true })
  queryClient.setQueryData(SIGNED_IN_HERE_KEY, true)
  const me = await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 })
  if (me) announceSession(queryClient, { type: 'signedIn', userId: me.id })
  return me
}

/** Replaces the cached profile after an update that returns it (PATCH /me). */
export function setSessionUser(queryClient: QueryClient, me: Me): void {
  queryClient.setQueryData(SESSION_KEY, me)
}

/**
 * The signed-in user, for pages behind `RequireAuth` (which renders them only
 * once the profile is loaded).
 */
export function useCurrentUser(): Me {
  const { user } = useSession()
  // Keep the last profile while a sign-out unmounts the page, so nothing renders half-empty.
  const [last, setLast] = useState(user)
  if (user && user !== last) setLast(user)
  const current = user ?? last
  if (!current) throw new Error('useCurrentUser() used outside a signed-in route')
  return current
}
