import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { TextLink } from '../../components/TextLink'
import { errorMessages, focusOnMount } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { useEmailLinkRequest } from './useEmailLinkRequest'

/** `/forgot-password`: email a reset link (always 202, so no account enumeration). */
export function ForgotPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.forgot.documentTitle'))
  const { form, onSubmit, request } = useEmailLinkRequest('/api/v1/auth/password-reset')
  const { errors } = form.formState

  const footer = (
    <p>
      <TextLink to="/login">{t('auth.forgot.backToSignIn')}</TextLink>
    </p>
  )

  if (request.isSuccess) {
    return (
      <AuthLayout title={t('auth.forgot.sentTitle')} headingRef={focusOnMount} footer={footer}>
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
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          {...form.register('email')}
          errors={errorMessages(errors.email)}
        />
        {errors.root?.server && <Alert tone="error">{errorMessage(request.error, t)}</Alert>}
        <Button type="submit" className="w-full" loading={request.isPending}>
          {t('auth.forgot.submit')}
        </Button>
      </form>
    </AuthLayout>
  )
}
