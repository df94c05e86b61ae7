import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { TextLink } from '../../components/TextLink'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { MailIcon } from './icons'
import { ResendVerificationForm } from './ResendVerificationForm'

function emailFromState(state: unknown): string {
  if (typeof state === 'object' && state !== null && typeof (state as { email?: unknown }).email === 'string') {
    return (state as { email: string }).email
  }
  return ''
}

/** After sign-up: "we sent you a link", with a way to send it again. */
export function CheckEmailPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.checkEmail.documentTitle'))
  const email = emailFromState(useLocation().state)

  return (
    <AuthLayout
      title={t('auth.checkEmail.title')}
      footer={
        <p>
          {t('auth.checkEmail.verified')} <TextLink to="/login">{t('nav.signIn')}</TextLink>
        </p>
      }
    >
      <div className="flex size-12 items-center justify-center rounded-full bg-indigo-50 text-indigo-600">
        <MailIcon />
      </div>
      <p data-testid="check-email-body">{email ? t('auth.checkEmail.sentTo', { email }) : t('auth.checkEmail.sent')}</p>
      <p>{t('auth.checkEmail.expiry')}</p>
      <section aria-labelledby="resend-heading" className="border-t border-slate-200 pt-5">
        <h2 id="resend-heading" className="font-semibold text-slate-900">
          {t('auth.checkEmail.noEmailTitle')}
        </h2>
        <p className="mt-1 mb-3 text-sm">{t('auth.checkEmail.noEmailBody')}</p>
        <ResendVerificationForm defaultEmail={email} />
      </section>
    </AuthLayout>
  )
}
