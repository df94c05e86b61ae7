import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../../api/frontendConfig'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'

/** Placeholder: the sign-in form comes with the authentication feature. */
export function LoginPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.login.documentTitle'))
  const config = useFrontendConfig()

  return (
    <AuthLayout title={t('auth.login.title')}>
      <p>{t('auth.login.placeholder')}</p>
      {config.data?.signupEnabled && (
        <p className="text-sm">
          {t('auth.login.noAccount')}{' '}
          <LocalizedLink to="/signup" className="font-semibold text-indigo-700 underline-offset-4 hover:underline">
            {t('nav.createAccount')}
          </LocalizedLink>
        </p>
      )}
    </AuthLayout>
  )
}
