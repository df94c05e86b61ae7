import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
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
import { compactErrors, focusSoon, onlyFieldErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { looksLikeEmail, USERNAME_PATTERN } from './passwordPolicy'
import { PasswordRules, passwordProblems } from './PasswordRules'

interface SignupValues {
  email: string
  username: string
  password: string
}

const FIELDS = ['email', 'username', 'password'] as const

function SignupForm() {
  const { t } = useTranslation()
  const lang = useLanguage()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const [values, setValues] = useState<SignupValues>({ email: '', username: '', password: '' })
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()
  const alertRef = useRef<HTMLDivElement>(null)

  const signup = useMutation({
    mutationFn: (body: SignupValues) =>
      unwrap(api.POST('/api/v1/auth/signup', { body: { ...body, preferredLanguage: lang } })),
    onSuccess: (_, body) => navigate(localize('/check-email'), { state: { email: body.email } }),
    onError: (error) => {
      setErrors(serverFieldErrors(error))
      if (onlyFieldErrors(error, FIELDS)) focusFirstInvalid()
      else focusSoon(alertRef)
    },
  })

  const set = (field: keyof SignupValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, [field]: [] }))
  }

  const validate = (): FieldErrorMap => {
    const email = values.email.trim()
    const username = values.username.trim()
    return compactErrors({
      email: !email ? [t('auth.validation.emailRequired')] : looksLikeEmail(email) ? undefined : [t('auth.validation.emailInvalid')],
      username: !username
        ? [t('auth.validation.usernameRequired')]
        : USERNAME_PATTERN.test(username)
          ? undefined
          : [t('auth.validation.usernameInvalid')],
      password: passwordProblems(values.password, { username, email }, t),
    })
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = validate()
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    signup.mutate({ email: values.email.trim(), username: values.username.trim(), password: values.password })
  }

  return (
    <>
      {signup.isError && !onlyFieldErrors(signup.error, FIELDS) && (
        <Alert ref={alertRef} focusable tone="error" title={t('auth.signup.failedTitle')}>
          {errorMessage(signup.error, t)}
        </Alert>
      )}
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label={t('auth.signup.title')}>
        <TextField
          label={t('auth.fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={(e) => set('email')(e.target.value)}
          errors={errors.email}
        />
        <TextField
          label={t('auth.fields.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          value={values.username}
          onChange={(e) => set('username')(e.target.value)}
          hint={t('auth.signup.usernameHint')}
          errors={errors.username}
        />
        <PasswordField
          label={t('auth.fields.password')}
          name="password"
          autoComplete="new-password"
          value={values.password}
          onChange={(e) => set('password')(e.target.value)}
          hint={<PasswordRules password={values.password} username={values.username} email={values.email} />}
          errors={errors.password}
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
