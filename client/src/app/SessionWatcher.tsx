import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { clearSession, followOtherTabs, languageAppliedFor, markLanguageApplied, SESSION_KEY, useSession } from '../api/session'
import { onSessionExpired } from '../api/sessionFetch'
import { useLocalizePath } from '../i18n/hooks'
import { initialLanguageRedirect, isLanguage, languageFromPath, storeLanguage, switchLanguagePath } from '../i18n/language'
import { loginPath } from '../lib/nextPath'

/**
 * When the API client finds the session over (the refresh was refused), forget
 * the user and, if someone was signed in, send them to the sign-in page with
 * `?next=` pointing back here. Follows the other tabs' sign-outs and sign-ins
 * (BroadcastChannel), and applies the signed-in user's saved language.
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

  useEffect(() => followOtherTabs(queryClient), [queryClient])

  useSavedLanguage()

  return null
}

/**
 * After a sign-in, moves to the user's saved language (`/x` ↔ `/ja/x`) once,
 * so the UI agrees with their emails and answers; a session restored on load
 * does the same unless the URL names a language (`/ja/…`), which wins as it
 * does for visitors. It waits until the location has settled (the sign-in page
 * redirects to `?next=` first), and then leaves the switcher alone: the
 * switcher saves the new choice itself.
 */
function useSavedLanguage() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const { user } = useSession()
  const { pathname, search, hash } = useLocation()

  useEffect(() => {
    if (!user || languageAppliedFor(queryClient) === user.id) return
    const timer = setTimeout(() => {
      const signedInHere = markLanguageApplied(queryClient, user.id)
      const saved = user.preferences.preferredLanguage
      if (!isLanguage(saved)) return
      storeLanguage(saved)
      // After a sign-in the saved language wins; on a restored session, like for visitors, an explicit /ja/ prefix does.
      const target = signedInHere
        ? languageFromPath(pathname) === saved ? undefined : switchLanguagePath(pathname, saved)
        : initialLanguageRedirect(pathname, saved)
      if (target) void navigate(target + search + hash, { replace: true })
    }, 0)
    return () => clearTimeout(timer)
  }, [queryClient, navigate, user, pathname, search, hash])
}
