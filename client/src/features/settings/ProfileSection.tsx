import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'
import { setSessionUser, useCurrentUser } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { SelectField, TextField } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { getI18n } from '../../i18n'
import { isLanguage, LANGUAGES, storeLanguage, switchLanguagePath, type Language } from '../../i18n/language'
import { useLanguage } from '../../i18n/hooks'
import { formatDate } from '../../lib/format'
import { compactErrors, serverFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { USERNAME_PATTERN } from '../auth/passwordPolicy'
import { SettingsCard } from './SettingsCard'

type UpdateMe = Schemas['UpdateMeRequest']

/** Username and preferred language; the language also switches the UI (and its URL prefix). */
export function ProfileSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.profile.documentTitle'))
  const user = useCurrentUser()
  const uiLanguage = useLanguage()
  const queryClient = useQueryClient()
  const toast = useToast()
  const navigate = useNavigate()
  const location = useLocation()
  const savedLanguage: Language = isLanguage(user.preferences.preferredLanguage) ? user.preferences.preferredLanguage : 'en'
  const [username, setUsername] = useState(user.username)
  const [language, setLanguage] = useState<Language>(savedLanguage)
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()

  const save = useMutation({
    mutationFn: (body: UpdateMe) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: async (me, body) => {
      setSessionUser(queryClient, me)
      setUsername(me.username)
      const next = body.preferredLanguage
      if (next && isLanguage(next) && next !== uiLanguage) {
        storeLanguage(next)
        await navigate(switchLanguagePath(location.pathname, next) + location.search, { replace: true })
        toast(getI18n(next).t('settings.profile.savedLanguage'))
      } else {
        toast(t('settings.profile.saved'))
      }
    },
    onError: (error) => {
      setErrors(serverFieldErrors(error))
      focusFirstInvalid()
    },
  })

  const changes: UpdateMe = {}
  if (username.trim() !== user.username) changes.username = username.trim()
  if (language !== savedLanguage) changes.preferredLanguage = language
  const dirty = Object.keys(changes).length > 0

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const found = compactErrors({
      username: !username.trim()
        ? [t('auth.validation.usernameRequired')]
        : USERNAME_PATTERN.test(username.trim())
          ? undefined
          : [t('auth.validation.usernameInvalid')],
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    if (dirty) save.mutate(changes)
  }

  const formError = save.isError && Object.keys(serverFieldErrors(save.error)).length === 0

  return (
    <SettingsCard title={t('settings.profile.title')} description={t('settings.profile.description')}>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="max-w-lg space-y-5">
        <TextField label={t('auth.fields.email')} value={user.email} readOnly disabled hint={t('settings.profile.emailHint')} />
        <TextField
          label={t('auth.fields.username')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          value={username}
          onChange={(e) => {
            setUsername(e.target.value)
            setErrors((x) => ({ ...x, username: [] }))
          }}
          hint={t('auth.signup.usernameHint')}
          errors={errors.username}
        />
        <SelectField
          label={t('settings.profile.language')}
          value={language}
          onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
          hint={t('settings.profile.languageHint')}
          errors={errors.preferredLanguage}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
        {formError && <Alert tone="error">{errorMessage(save.error, t)}</Alert>}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('common.save')}
          </Button>
          <p className="text-sm text-slate-600">{t('settings.profile.memberSince', { date: formatDate(user.createdAt, uiLanguage) })}</p>
        </div>
      </form>
    </SettingsCard>
  )
}
