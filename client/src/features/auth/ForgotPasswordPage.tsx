import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { TextLink } from '../../components/TextLink'
import { focusSoon } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { useEmailLinkRequest } from './useEmailLinkRequest'

/** `/forgot-password`: email a reset link (always 202, so no account enumeration). */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.forgot.documentTitle'))
  const heading = useRef<HTMLHeadingElement>(null)
  const { email, setEmail, input, onSubmit, request, fieldErrors } = useEmailLinkRequest('/api/v1/auth/password-reset', '', () =>
    focusSoon(heading),
  )

  const footer = (
    <p>
      <TextLink to="/login">{t('auth.forgot.backToSignIn')}</TextLink>
    </p>
  )

  if (request.isSuccess) {
    return (
      <AuthLayout title={t('auth.forgot.sentTitle')} headingRef={heading} footer={footer}>
        <Alert tone="success" data-testid="reset-requested">
          {t('auth.forgot.sentBody', { email: request.variables })}
        </Alert>
      </AuthLayout>
    )
  }

  return (
    <AuthLayout title={t('auth.forgot.title')} intro={t('auth.forgot.intro')} footer={footer}>
      <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t('auth.forgot.title')}>
        <TextField
          ref={input}
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors}
        />
        {request.isError && !fieldErrors && <Alert tone="error">{errorMessage(request.error, t)}</Alert>}
        <Button type="submit" className="w-full" loading={request.isPending}>
          {t('auth.forgot.submit')}
        </Button>
      </form>
    </AuthLayout>
  )
}
