import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, type Schemas } from './client'
import { hasSessionCookie } from './cookies'
import { ApiError, unwrap } from './errors'

export type Me = Schemas['MeDto']

export const SESSION_KEY = ['session', 'me'] as const
const EXPIRED_KEY = ['session', 'expired'] as const

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
 * user-specific query is dropped. `expired` marks an unplanned end (the sign-in
 * page then explains why the user is there).
 */
export function clearSession(queryClient: QueryClient, { expired = false } = {}): void {
  queryClient.setQueryData(EXPIRED_KEY, expired)
  queryClient.removeQueries({ predicate: (q) => isUserData(q.queryKey) })
  queryClient.setQueryData(SESSION_KEY, null)
}

/** True when the last session ended because it expired (not a sign-out). */
export function sessionExpired(queryClient: QueryClient): boolean {
  return queryClient.getQueryData<boolean>(EXPIRED_KEY) === true
}

/** After a successful sign-in: loads the profile so guards and the header update. */
export async function loadSession(queryClient: QueryClient): Promise<Me | null> {
  queryClient.setQueryData(EXPIRED_KEY, false)
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 })
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
  const last = useRef(user)
  if (user) last.current = user
  if (!last.current) throw new Error('useCurrentUser() used outside a signed-in route')
  return last.current
}
