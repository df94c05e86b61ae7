import type { TFunction } from 'i18next'
import { useMutation } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { z } from 'zod/mini'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { useFrontendConfig } from '../../api/frontendConfig'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { errorMessage, ErrorState } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { PageSpinner } from '../../components/PageSpinner'
import { PasswordField } from '../../components/PasswordField'
import { TextLink } from '../../components/TextLink'
import { useLanguage, useLocalizePath } from '../../i18n/hooks'
import { applyServerErrors, errorMessages, focusOnMount, useSchemaForm } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { addPasswordProblems, emailRule, usernameRule } from './formRules'
import { PasswordRules } from './PasswordRules'

/** `POST /auth/signup` (SignUpValidator: AccountRules and the password policy). */
const signupSchema = (t: TFunction) =>
  z.object({ email: emailRule(t), username: usernameRule(t), password: z.string() }).check(
    z.superRefine((v, ctx) => {
      addPasswordProblems(ctx, t, 'password', v.password, { username: v.username, email: v.email })
    }),
  )

type SignupValues = z.output<ReturnType<typeof signupSchema>>

function SignupForm() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const schema = useMemo(() => signupSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { email: '', username: '', password: '' } })
  const { errors } = form.formState
  const [email, username, password] = useWatch({ control: form.control, name: ['email', 'username', 'password'] })

  const signup = useMutation({
    mutationFn: (body: SignupValues) =>
      unwrap(api.POST('/api/v1/auth/signup', { body: { ...body, preferredLanguage: lang } })),
    onSuccess: (_, body) => navigate(localize('/check-email'), { state: { email: body.email } }),
    onError: (error) => applyServerErrors(form, error),
  })

  return (
    <>
      {errors.root?.server && (
        <Alert ref={focusOnMount} focusable tone="error" title={t('auth.signup.failedTitle')}>
          {errorMessage(signup.error, t)}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((values) => signup.mutate(values))(e)}
        className="space-y-4"
        aria-label={t('auth.signup.title')}
      >
        <TextField
          label={t('auth.fields.email')}
          type="email"
          autoComplete="email"
          {...form.register('email')}
          errors={errorMessages(errors.email)}
        />
        <TextField
          label={t('auth.fields.username')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          {...form.register('username')}
          hint={t('auth.signup.usernameHint')}
          errors={errorMessages(errors.username)}
        />
        <PasswordField
          label={t('auth.fields.password')}
          autoComplete="new-password"
          {...form.register('password')}
          hint={<PasswordRules password={password} username={username} email={email} />}
          errors={errorMessages(errors.password)}
        />
        <Button type="submit" className="w-full" loading={signup.isPending}>
          {t('auth.signup.submit')}
        </Button>
      </form>
    </>
  )
}

/** Sign-up, shown only when the server accepts new accounts. */
export function SignupPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.signup.documentTitle'))
  const config = useFrontendConfig()

  if (config.isPending) return <PageSpinner />

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
    <AuthLayout
      title={t('auth.signup.title')}
      intro={t('auth.signup.intro')}
      footer={
        <p>
          {t('auth.signup.haveAccount')} <TextLink to="/login">{t('nav.signIn')}</TextLink>
        </p>
      }
    >
      <SignupForm />
    </AuthLayout>
  )
}
