import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
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
import { serverFieldErrors } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { SettingsCard } from './SettingsCard'

function DeleteAccountDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const toast = useToast()
  const [typed, setTyped] = useState('')
  const [password, setPassword] = useState('')
  const [passwordErrors, setPasswordErrors] = useState<readonly string[]>([])
  const matches = typed.trim() === user.username

  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me', { body: { password } })),
    onError: (error) => setPasswordErrors(serverFieldErrors(error).password ?? []),
    onSuccess: async () => {
      await navigate(localize('/'), { replace: true })
      clearSession(queryClient)
      toast(t('settings.account.deleted'), 'info')
    },
  })

  const close = () => {
    setTyped('')
    setPassword('')
    setPasswordErrors([])
    remove.reset()
    onClose()
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!matches) return
    if (!password) {
      setPasswordErrors([t('settings.account.passwordRequired')])
      return
    }
    remove.mutate()
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!remove.isPending}
      title={t('settings.account.dialogTitle')}
      description={t('settings.account.dialogBody')}
    >
      <form noValidate onSubmit={onSubmit} className="space-y-5">
        <TextField
          label={t('settings.account.typeUsername', { username: user.username })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
        <PasswordField
          label={t('settings.account.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.target.value)
            setPasswordErrors([])
          }}
          errors={passwordErrors}
        />
        {remove.isError && passwordErrors.length === 0 && <Alert tone="error">{errorMessage(remove.error, t)}</Alert>}
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
