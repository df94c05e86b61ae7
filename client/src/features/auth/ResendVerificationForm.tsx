import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { errorMessages } from '../../lib/forms'
import { useEmailLinkRequest } from './useEmailLinkRequest'

/** "Send a new verification link" (`POST /auth/resend-verification`, always 202). */
export function ResendVerificationForm({ defaultEmail = '', submitLabel }: { defaultEmail?: string; submitLabel?: string }) {
  const { t } = useTranslation()
  const { form, onSubmit, request: resend } = useEmailLinkRequest('/api/v1/auth/resend-verification', defaultEmail)
  const { errors } = form.formState

  if (resend.isSuccess) {
    return (
      <Alert tone="success" data-testid="resend-sent">
        {t('auth.resend.sent', { email: resend.variables })}
      </Alert>
    )
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t('auth.resend.formLabel')}>
      <TextField
        label={t('auth.fields.email')}
        type="email"
        autoComplete="email"
        {...form.register('email')}
        errors={errorMessages(errors.email)}
      />
      {errors.root?.server && <Alert tone="error">{errorMessage(resend.error, t)}</Alert>}
      <Button type="submit" variant="secondary" loading={resend.isPending}>
        {submitLabel ?? t('auth.resend.submit')}
      </Button>
    </form>
  )
}
