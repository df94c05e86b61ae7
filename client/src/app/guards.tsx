import { useTranslation } from 'react-i18next'
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router'
import { useQueryClient } from '@tanstack/react-query'
import { justSignedOut, useSession } from '../api/session'
import { ButtonLink } from '../components/Button'
import { EmptyState } from '../components/EmptyState'
import { ErrorState } from '../components/ErrorState'
import { PageSpinner } from '../components/PageSpinner'
import { useLocalizePath } from '../i18n/hooks'
import { loginPath, safeNextPath } from '../lib/nextPath'

/** Signed-in users only: visitors are sent to `/login?next=<here>`. */
export function RequireAuth() {
  const { t } = useTranslation()
  const session = useSession()
  const location = useLocation()
  const localize = useLocalizePath()
  const queryClient = useQueryClient()

  if (session.user) return <Outlet />
  if (session.user === null) {
    // Signing out (or deleting the account) leads home, not to "sign in to see this page".
    if (justSignedOut(queryClient)) return <Navigate to={localize('/')} replace />
    return <Navigate to={localize(loginPath(location.pathname, location.search))} replace />
  }
  if (session.isError) {
    return (
      <div className="mx-auto max-w-xl px-4 py-12">
        <ErrorState
          title={t('session.errorTitle')}
          error={session.error}
          onRetry={() => void session.refetch()}
          retrying={session.isFetching}
        />
      </div>
    )
  }
  return <PageSpinner />
}

/** Administrators only; other signed-in users see an explanation. Nest inside `RequireAuth`. */
export function RequireAdmin() {
  const { t } = useTranslation()
  const { user } = useSession()
  if (user?.isAdmin) return <Outlet />
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:py-20">
      <EmptyState
        headingLevel={1}
        title={t('admin.forbiddenTitle')}
        description={t('admin.forbiddenBody')}
        action={<ButtonLink to="/">{t('errors.notFound.action')}</ButtonLink>}
      />
    </div>
  )
}

/** Sign-in and sign-up: a signed-in user goes on to `?next=` (or home). */
export function GuestOnly() {
  const session = useSession()
  const [params] = useSearchParams()
  const localize = useLocalizePath()

  if (session.user) return <Navigate to={localize(safeNextPath(params.get('next')) ?? '/')} replace />
  // Cookies are present but the profile is still loading: probably signed in, so avoid a flash of the form.
  if (session.user === undefined && session.isPending) return <PageSpinner />
  return <Outlet />
}
