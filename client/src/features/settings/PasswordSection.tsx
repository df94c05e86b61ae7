import type { TFunction } from 'i18next'
import { useMutation } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { useCurrentUser } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { Checkbox } from '../../components/Field'
import { PasswordField } from '../../components/PasswordField'
import { useToast } from '../../components/Toast'
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { addPasswordProblems, currentPasswordRule } from '../auth/formRules'
import { PasswordRules } from '../auth/PasswordRules'
import { SettingsCard } from './SettingsCard'

/** `POST /me/password` (ChangePasswordValidator, and the password policy for the user's name and email). */
const passwordSchema = (t: TFunction, identity: { username: string; email: string }) =>
  z
    .object({
      currentPassword: currentPasswordRule(t, t('settings.password.currentRequired')),
      newPassword: z.string(),
      revokeApiTokens: z.boolean(),
    })
    .check(
      z.superRefine((v, ctx) => {
        if (addPasswordProblems(ctx, t, 'newPassword', v.newPassword, identity) === 0 && v.newPassword === v.currentPassword) {
          ctx.addIssue({ code: 'custom', path: ['newPassword'], message: t('settings.password.sameAsCurrent') })
        }
      }),
    )

const EMPTY = { currentPassword: '', newPassword: '', revokeApiTokens: false }

/** Change the password (`POST /me/password`); other sessions are signed out, and API tokens too when asked. */
export function PasswordSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.password.documentTitle'))
  const user = useCurrentUser()
  const toast = useToast()
  const schema = useMemo(() => passwordSchema(t, { username: user.username, email: user.email }), [t, user.username, user.email])
  const form = useSchemaForm(schema, { defaultValues: EMPTY })
  const { errors } = form.formState
  const next = useWatch({ control: form.control, name: 'newPassword' })

  const change = useMutation({
    mutationFn: (body: z.output<typeof schema>) => unwrap(api.POST('/api/v1/me/password', { body })),
    onSuccess: () => {
      form.reset(EMPTY)
      toast(t('settings.password.changed'))
    },
    onError: (error) => applyServerErrors(form, error),
  })

  return (
    <SettingsCard title={t('settings.password.title')} description={t('settings.password.description')}>
      <form noValidate onSubmit={(e) => void form.handleSubmit((values) => change.mutate(values))(e)} className="max-w-lg space-y-5">
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <PasswordField
          label={t('settings.password.current')}
          autoComplete="current-password"
          {...form.register('currentPassword')}
          errors={errorMessages(errors.currentPassword)}
        />
        <PasswordField
          label={t('auth.fields.newPassword')}
          autoComplete="new-password"
          {...form.register('newPassword')}
          hint={<PasswordRules password={next} username={user.username} email={user.email} />}
          errors={errorMessages(errors.newPassword)}
        />
        <Checkbox
          label={t('settings.password.revokeTokens')}
          hint={t('settings.password.revokeTokensHint')}
          {...form.register('revokeApiTokens')}
        />
        {errors.root?.server && <Alert tone="error">{errorMessage(change.error, t)}</Alert>}
        <Button type="submit" loading={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </form>
    </SettingsCard>
  )
}
