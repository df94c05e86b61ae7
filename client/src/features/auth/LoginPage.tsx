import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
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
import { applyServerErrors, errorMessages, focusOnMount, requiredText, useSchemaForm } from '../../lib/forms'
import { useCountdown } from '../../lib/useCountdown'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { currentPasswordRule, LOGIN_MAX_LENGTH } from './formRules'
import { ResendVerificationForm } from './ResendVerificationForm'

/** `POST /auth/login` (LoginValidator's limits). */
const loginSchema = (t: TFunction) =>
  z.object({
    login: requiredText(LOGIN_MAX_LENGTH, {
      required: t('auth.validation.loginRequired'),
      tooLong: t('auth.validation.loginTooLong', { max: LOGIN_MAX_LENGTH }),
    }),
    password: currentPasswordRule(t),
  })

type Credentials = z.output<ReturnType<typeof loginSchema>>

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
  const schema = useMemo(() => loginSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { login: '', password: '' } })
  const { errors } = form.formState
  const login = useWatch({ control: form.control, name: 'login' })

  const signIn = useMutation({
    mutationFn: async (body: Credentials) => {
      await unwrap(api.POST('/api/v1/auth/login', { body }))
      // The guard around this page moves on to ?next= once the profile is loaded.
      await loadSession(queryClient)
    },
    onError: (error) => applyServerErrors(form, error),
  })

  const rateLimit = signIn.error instanceof ApiError && signIn.error.status === 429 ? signIn.error.retryAfterSeconds : undefined
  const retryIn = useCountdown(rateLimit, signIn.submittedAt)

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
      {errors.root?.server && (
        <Alert ref={focusOnMount} focusable tone="error" title={errorTitle(signIn.error, t)} data-testid="login-error">
          <LoginError error={signIn.error} login={login} waiting={retryIn > 0} />
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((values) => signIn.mutate(values))(e)}
        className="space-y-4"
        aria-label={t('auth.login.title')}
      >
        <TextField
          label={t('auth.fields.login')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          {...form.register('login')}
          errors={errorMessages(errors.login)}
        />
        <div>
          <PasswordField
            label={t('auth.fields.password')}
            autoComplete="current-password"
            {...form.register('password')}
            errors={errorMessages(errors.password)}
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
