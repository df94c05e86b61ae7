import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { focusSoon, serverFieldErrors } from '../../lib/forms'
import { looksLikeEmail } from './passwordPolicy'

/** "Send a new verification link" (`POST /auth/resend-verification`, always 202). */
export function ResendVerificationForm({ defaultEmail = '', submitLabel }: { defaultEmail?: string; submitLabel?: string }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState(defaultEmail)
  const [clientError, setClientError] = useState<string>()
  const input = useRef<HTMLInputElement>(null)
  const resend = useMutation({
    mutationFn: (address: string) => unwrap(api.POST('/api/v1/auth/resend-verification', { body: { email: address } })),
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!looksLikeEmail(email)) {
      setClientError(email.trim() ? t('auth.validation.emailInvalid') : t('auth.validation.emailRequired'))
      focusSoon(input)
      return
    }
    setClientError(undefined)
    resend.mutate(email.trim())
  }

  if (resend.isSuccess) {
    return (
      <Alert tone="success" data-testid="resend-sent">
        {t('auth.resend.sent', { email: resend.variables })}
      </Alert>
    )
  }

  const fieldErrors = clientError ?? serverFieldErrors(resend.error).email
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={t('auth.resend.formLabel')}>
      <TextField
        ref={input}
        label={t('auth.fields.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        errors={fieldErrors}
      />
      {resend.isError && !fieldErrors && <Alert tone="error">{errorMessage(resend.error, t)}</Alert>}
      <Button type="submit" variant="secondary" loading={resend.isPending}>
        {submitLabel ?? t('auth.resend.submit')}
      </Button>
    </form>
  )
}
