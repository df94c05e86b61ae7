import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { z } from 'zod/mini'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { clearSession, useCurrentUser } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { PasswordField } from '../../components/PasswordField'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { currentPasswordRule } from '../auth/formRules'
import { SettingsCard } from './SettingsCard'

/** `DELETE /me` (DeleteAccountValidator) plus the typed username that guards it. */
const deleteAccountSchema = (t: TFunction, username: string) =>
  z.object({
    typedUsername: z.string().check(z.refine((typed) => typed.trim() === username, { error: t('settings.account.typeUsernameMismatch') })),
    password: currentPasswordRule(t, t('settings.account.passwordRequired')),
  })

function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const toast = useToast()
  const schema = useMemo(() => deleteAccountSchema(t, user.username), [t, user.username])
  const form = useSchemaForm(schema, { defaultValues: { typedUsername: '', password: '' } })
  const { errors } = form.formState
  const matches = useWatch({ control: form.control, name: 'typedUsername' }).trim() === user.username

  const remove = useMutation({
    mutationFn: (password: string) => unwrap(api.DELETE('/api/v1/me', { body: { password } })),
    onError: (error) => applyServerErrors(form, error),
    onSuccess: async () => {
      await navigate(localize('/'), { replace: true })
      clearSession(queryClient)
      toast(t('settings.account.deleted'), 'info')
    },
  })

  const close = () => {
    form.reset()
    remove.reset()
    onClose()
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!remove.isPending}
      title={t('settings.account.dialogTitle')}
      description={t('settings.account.dialogBody')}
    >
      <form noValidate onSubmit={(e) => void form.handleSubmit(({ password }) => remove.mutate(password))(e)} className="space-y-5">
        <TextField
          label={t('settings.account.typeUsername', { username: user.username })}
          {...form.register('typedUsername')}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          errors={errorMessages(errors.typedUsername)}
        />
        <PasswordField
          label={t('settings.account.password')}
          autoComplete="current-password"
          {...form.register('password')}
          errors={errorMessages(errors.password)}
        />
        {errors.root?.server && <Alert tone="error">{errorMessage(remove.error, t)}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="danger" disabled={!matches} loading={remove.isPending}>
            {t('settings.account.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}

/** `/settings/account`: the danger zone (delete the account and all its data). */
export function AccountSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.account.documentTitle'))
  const [open, setOpen] = useState(false)
  return (
    <SettingsCard tone="danger" title={t('settings.account.title')} description={t('settings.account.description')}>
      <ul className="mb-5 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t('settings.account.itemVideos')}</li>
        <li>{t('settings.account.itemGroups')}</li>
        <li>{t('settings.account.itemTokens')}</li>
      </ul>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('settings.account.open')}
      </Button>
      <DeleteAccountDialog open={open} onClose={() => setOpen(false)} />
    </SettingsCard>
  )
}
