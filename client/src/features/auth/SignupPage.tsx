import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../../api/frontendConfig'
import { ButtonLink } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { Spinner } from '../../components/Spinner'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'

/**
 * Placeholder: the sign-up form comes with the authentication feature. The
 * page already honours `signupEnabled` so a direct link never offers a form
 * the server would refuse.
 */
export function SignupPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.signup.documentTitle'))
  const config = useFrontendConfig()

  if (config.isPending) {
    return (
      <div className="flex justify-center py-24 text-indigo-600">
        <Spinner size="lg" />
      </div>
    )
  }

  if (config.isError) {
    return (
      <div className="mx-auto max-w-md px-4 py-12">
        <ErrorState
          title={t('landing.server.errorTitle')}
          error={config.error}
          onRetry={() => void config.refetch()}
          retrying={config.isFetching}
        />
      </div>
    )
  }

  if (!config.data.signupEnabled) {
    return (
      <div className="mx-auto max-w-md px-4 py-12 sm:py-20">
        <EmptyState
          headingLevel={1}
          title={t('auth.signup.disabledTitle')}
          description={t('auth.signup.disabledBody')}
          action={<ButtonLink to="/login">{t('nav.signIn')}</ButtonLink>}
        />
      </div>
    )
  }

  return (
    <AuthLayout title={t('auth.signup.title')}>
      <p>{t('auth.signup.placeholder')}</p>
      <p className="text-sm">
        {t('auth.signup.haveAccount')}{' '}
        <LocalizedLink to="/login" className="font-semibold text-indigo-700 underline-offset-4 hover:underline">
          {t('nav.signIn')}
        </LocalizedLink>
      </p>
    </AuthLayout>
  )
}
