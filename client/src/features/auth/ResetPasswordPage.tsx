import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { z } from 'zod/mini'
import { api } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import { clearSession } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { Checkbox } from '../../components/Field'
import { PasswordField } from '../../components/PasswordField'
import { TextLink } from '../../components/TextLink'
import { applyServerErrors, errorMessages, focusOnMount, useSchemaForm } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { addPasswordProblems } from './formRules'
import { PasswordRules } from './PasswordRules'

/** `POST /auth/password-reset/confirm` without the token (which comes from the link). */
const resetSchema = (t: TFunction) =>
  z.object({ newPassword: z.string(), revokeApiTokens: z.boolean() }).check(
    z.superRefine((values, ctx) => {
      addPasswordProblems(ctx, t, 'newPassword', values.newPassword)
    }),
  )

type ResetValues = z.output<ReturnType<typeof resetSchema>>

/** `/reset-password?token=…` (the link in the reset email): choose a new password. */
export function ResetPasswordPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.reset.documentTitle'))
  const token = useSearchParams()[0].get('token')?.trim() ?? ''
  const queryClient = useQueryClient()
  const schema = useMemo(() => resetSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { newPassword: '', revokeApiTokens: false } })
  const { errors } = form.formState
  const password = useWatch({ control: form.control, name: 'newPassword' })

  const reset = useMutation({
    mutationFn: (values: ResetValues) => unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, ...values } })),
    // Every session was signed out by the reset, this one included.
    onSuccess: () => clearSession(queryClient),
    onError: (error) => applyServerErrors(form, error),
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
      <AuthLayout title={t('auth.reset.doneTitle')} headingRef={focusOnMount}>
        <Alert tone="success" data-testid="reset-done">
          {t('auth.reset.doneBody')}
        </Alert>
        <ButtonLink to="/login" className="w-full">
          {t('nav.signIn')}
        </ButtonLink>
      </AuthLayout>
    )
  }

  const invalidToken = reset.error instanceof ApiError && reset.error.code === 'token_invalid'

  return (
    <AuthLayout title={t('auth.reset.title')} intro={t('auth.reset.intro')} footer={footer}>
      {errors.root?.server && (
        <Alert
          ref={focusOnMount}
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
      <form
        noValidate
        onSubmit={(e) => void form.handleSubmit((values) => reset.mutate(values))(e)}
        className="space-y-4"
        aria-label={t('auth.reset.title')}
      >
        <PasswordField
          label={t('auth.fields.newPassword')}
          autoComplete="new-password"
          {...form.register('newPassword')}
          hint={<PasswordRules password={password} />}
          errors={errorMessages(errors.newPassword)}
        />
        <Checkbox label={t('auth.reset.revokeTokens')} hint={t('auth.reset.revokeTokensHint')} {...form.register('revokeApiTokens')} />
        <Button type="submit" className="w-full" loading={reset.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  )
}
