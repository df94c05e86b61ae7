import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { useCurrentUser } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { Checkbox } from '../../components/Field'
import { PasswordField } from '../../components/PasswordField'
import { useToast } from '../../components/Toast'
import { compactErrors, onlyFieldErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { PasswordRules, passwordProblems } from '../auth/PasswordRules'
import { SettingsCard } from './SettingsCard'

const FIELDS = ['currentPassword', 'newPassword'] as const

/** Change the password (`POST /me/password`); other sessions are signed out, and API tokens too when asked. */
export function PasswordSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.password.documentTitle'))
  const user = useCurrentUser()
  const toast = useToast()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [revokeApiTokens, setRevokeApiTokens] = useState(false)
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string; revokeApiTokens: boolean }) =>
      unwrap(api.POST('/api/v1/me/password', { body })),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      setRevokeApiTokens(false)
      setErrors({})
      toast(t('settings.password.changed'))
    },
    onError: (error) => {
      setErrors(serverFieldErrors(error))
      focusFirstInvalid()
    },
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = compactErrors({
      currentPassword: current ? undefined : [t('settings.password.currentRequired')],
      newPassword: passwordProblems(next, { username: user.username, email: user.email }, t),
    })
    if (!found.newPassword && next === current && next) found.newPassword = [t('settings.password.sameAsCurrent')]
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    change.mutate({ currentPassword: current, newPassword: next, revokeApiTokens })
  }

  return (
    <SettingsCard title={t('settings.password.title')} description={t('settings.password.description')}>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="max-w-lg space-y-5">
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <PasswordField
          label={t('settings.password.current')}
          autoComplete="current-password"
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value)
            setErrors((x) => ({ ...x, currentPassword: [] }))
          }}
          errors={errors.currentPassword}
        />
        <PasswordField
          label={t('auth.fields.newPassword')}
          autoComplete="new-password"
          value={next}
          onChange={(e) => {
            setNext(e.target.value)
            setErrors((x) => ({ ...x, newPassword: [] }))
          }}
          hint={<PasswordRules password={next} username={user.username} email={user.email} />}
          errors={errors.newPassword}
        />
        <Checkbox
          label={t('settings.password.revokeTokens')}
          hint={t('settings.password.revokeTokensHint')}
          checked={revokeApiTokens}
          onChange={(e) => setRevokeApiTokens(e.target.checked)}
        />
        {change.isError && !onlyFieldErrors(change.error, FIELDS) && <Alert tone="error">{errorMessage(change.error, t)}</Alert>}
        <Button type="submit" loading={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </form>
    </SettingsCard>
  )
}
