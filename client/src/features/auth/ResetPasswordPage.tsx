import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { api } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import { clearSession } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { PasswordField } from '../../components/PasswordField'
import { TextLink } from '../../components/TextLink'
import { focusSoon, serverFieldErrors, useFocusFirstInvalid } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { PasswordRules, passwordProblems } from './PasswordRules'

/** `/reset-password?token=…` (the link in the reset email): choose a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.reset.documentTitle'))
  const token = useSearchParams()[0].get('token')?.trim() ?? ''
  const queryClient = useQueryClient()
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<readonly string[]>([])
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()
  const heading = useRef<HTMLHeadingElement>(null)
  const alertRef = useRef<HTMLDivElement>(null)

  const reset = useMutation({
    mutationFn: (newPassword: string) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword } })),
    onSuccess: () => {
      // Every session was signed out by the reset, this one included.
      clearSession(queryClient)
      focusSoon(heading)
    },
    onError: (error) => {
      const fieldErrors = serverFieldErrors(error).newPassword ?? []
      setErrors(fieldErrors)
      if (fieldErrors.length > 0) focusFirstInvalid()
      else focusSoon(alertRef)
    },
  })

  const footer = (
    <p>
      <TextLink to="/login">{t('auth.forgot.backToSignIn')}</TextLink>
    </p>
  )

  if (!token) {
    return (
      <AuthLayout title={t('auth.reset.title')} footer={footer}>
        <Alert tone="error">{t('auth.reset.missing')}</Alert>
        <ButtonLink to="/forgot-password" variant="secondary">
          {t('auth.reset.requestNew')}
        </ButtonLink>
      </AuthLayout>
    )
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title={t('auth.reset.doneTitle')} headingRef={heading}>
        <Alert tone="success" data-testid="reset-done">
          {t('auth.reset.doneBody')}
        </Alert>
        <ButtonLink to="/login" className="w-full">
          {t('nav.signIn')}
        </ButtonLink>
      </AuthLayout>
    )
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const problems = passwordProblems(password, {}, t)
    setErrors(problems)
    if (problems.length > 0) {
      focusFirstInvalid()
      return
    }
    reset.mutate(password)
  }

  const invalidToken = reset.error instanceof ApiError && reset.error.code === 'token_invalid'
  const formError = reset.isError && errors.length === 0

  return (
    <AuthLayout title={t('auth.reset.title')} intro={t('auth.reset.intro')} footer={footer}>
      {formError && (
        <Alert
          ref={alertRef}
          focusable
          tone="error"
          actions={
            invalidToken && (
              <ButtonLink to="/forgot-password" variant="secondary" size="sm">
                {t('auth.reset.requestNew')}
              </ButtonLink>
            )
          }
        >
          {invalidToken ? t('auth.reset.invalid') : errorMessage(reset.error, t)}
        </Alert>
      )}
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t('auth.reset.title')}>
        <PasswordField
          label={t('auth.fields.newPassword')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setErrors([])
          }}
          hint={<PasswordRules password={password} />}
          errors={errors}
        />
        <Button type="submit" className="w-full" loading={reset.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  )
}
