import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { clearSession, SESSION_KEY } from '../api/session'
import { onSessionExpired } from '../api/sessionFetch'
import { useLocalizePath } from '../i18n/hooks'
import { loginPath } from '../lib/nextPath'

/**
 * When the API client finds the session over (the refresh was refused), forget
 * the user and, if someone was signed in, send them to the sign-in page with
 * `?next=` pointing back here.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const location = useLocation()
  const here = useRef(location)

  useEffect(() => {
    here.current = location
  }, [location])

  useEffect(
    () =>
      onSessionExpired(() => {
        const wasSignedIn = Boolean(queryClient.getQueryData(SESSION_KEY))
        if (!wasSignedIn) return // a visitor: nothing to forget
        clearSession(queryClient, 'expired')
        const { pathname, search } = here.current
        void navigate(localize(loginPath(pathname, search)), { replace: true })
      }),
    [queryClient, navigate, localize],
  )

  return null
}
