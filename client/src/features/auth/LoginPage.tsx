import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import { useFrontendConfig } from '../../api/frontendConfig'
import { loadSession, sessionExpired } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage, retryAfterMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { PasswordField } from '../../components/PasswordField'
import { TextLink } from '../../components/TextLink'
import { compactErrors, focusSoon, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { useCountdown } from '../../lib/useCountdown'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { ResendVerificationForm } from './ResendVerificationForm'

interface Credentials {
  login: string
  password: string
}

/** The form-level explanation of a failed sign-in. */
function LoginError({ error, login, waiting }: { error: unknown; login: string; waiting: boolean }) {
  const { t } = useTranslation()
  if (!(error instanceof ApiError)) return <>{errorMessage(error, t)}</>
  if (error.status === 401) return <>{t('auth.login.invalidCredentials')}</>
  if (error.code === 'email_not_verified') {
    return (
      <>
        <p>{t('auth.login.notVerified')}</p>
        <ResendVerificationForm defaultEmail={login.includes('@') ? login : ''} />
      </>
    )
  }
  if (error.status === 429) {
    // The wait is stated once (a ticking text inside role=alert would be re-announced); the button counts down.
    return <>{waiting ? retryAfterMessage(error.retryAfterSeconds, t) : t('auth.login.rateLimitedOver')}</>
  }
  return <>{errorMessage(error, t)}</>
}

function errorTitle(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code === 'email_not_verified') return t('auth.login.notVerifiedTitle')
  if (error instanceof ApiError && error.code === 'account_disabled') return t('auth.login.disabledTitle')
  if (error instanceof ApiError && error.status === 429) return t('auth.login.rateLimitedTitle')
  return t('auth.login.failedTitle')
}

export function LoginPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.login.documentTitle'))
  const config = useFrontendConfig()
  const queryClient = useQueryClient()
  const [expired] = useState(() => sessionExpired(queryClient))
  const [values, setValues] = useState<Credentials>({ login: '', password: '' })
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()
  const alertRef = useRef<HTMLDivElement>(null)

  const signIn = useMutation({
    mutationFn: async (body: Credentials) => {
      await unwrap(api.POST('/api/v1/auth/login', { body }))
      // The guard around this page moves on to ?next= once the profile is loaded.
      await loadSession(queryClient)
    },
    onError: (error) => {
      const fields = serverFieldErrors(error)
      setErrors(fields)
      if (Object.keys(fields).length > 0) focusFirstInvalid()
      else focusSoon(alertRef)
    },
  })

  const rateLimit = signIn.error instanceof ApiError && signIn.error.status === 429 ? signIn.error.retryAfterSeconds : undefined
  const retryIn = useCountdown(rateLimit, signIn.submittedAt)

  const set = (field: keyof Credentials) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: [] }))
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = compactErrors({
      login: values.login.trim() ? undefined : [t('auth.validation.loginRequired')],
      password: values.password ? undefined : [t('auth.validation.passwordRequired')],
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    signIn.mutate({ login: values.login.trim(), password: values.password })
  }

  const showFormError = signIn.isError && Object.keys(serverFieldErrors(signIn.error)).length === 0

  return (
    <AuthLayout
      title={t('auth.login.title')}
      intro={t('auth.login.intro')}
      footer={
        config.data?.signupEnabled && (
          <p>
            {t('auth.login.noAccount')} <TextLink to="/signup">{t('nav.createAccount')}</TextLink>
          </p>
        )
      }
    >
      {expired && !signIn.isError && (
        <Alert tone="info" title={t('session.expiredTitle')}>
          {t('session.expiredBody')}
        </Alert>
      )}
      {showFormError && (
        <Alert ref={alertRef} focusable tone="error" title={errorTitle(signIn.error, t)} data-testid="login-error">
          <LoginError error={signIn.error} login={values.login} waiting={retryIn > 0} />
        </Alert>
      )}
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t('auth.login.title')}>
        <TextField
          label={t('auth.fields.login')}
          name="login"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          value={values.login}
          onChange={(e) => set('login')(e.target.value)}
          errors={errors.login}
        />
        <div>
          <PasswordField
            label={t('auth.fields.password')}
            name="password"
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => set('password')(e.target.value)}
            errors={errors.password}
          />
          <p className="mt-2 text-right text-sm">
            <TextLink to="/forgot-password">{t('auth.login.forgot')}</TextLink>
          </p>
        </div>
        <Button type="submit" className="w-full" loading={signIn.isPending} disabled={retryIn > 0}>
          {retryIn > 0 ? t('auth.login.submitWait', { count: retryIn }) : t('auth.login.submit')}
        </Button>
      </form>
    </AuthLayout>
  )
}
