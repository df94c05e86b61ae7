import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { z } from 'zod/mini'
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
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { usernameRule } from '../auth/formRules'
import { SettingsCard } from './SettingsCard'

type UpdateMe = Schemas['UpdateMeRequest']

/** The profile part of `PATCH /me` (UpdateMeValidator: a valid username, a supported language). */
const profileSchema = (t: TFunction) => z.object({ username: usernameRule(t), preferredLanguage: z.enum(LANGUAGES) })

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
  const schema = useMemo(() => profileSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { username: user.username, preferredLanguage: savedLanguage } })
  const { errors } = form.formState
  const [username, language] = useWatch({ control: form.control, name: ['username', 'preferredLanguage'] })

  const save = useMutation({
    mutationFn: (body: UpdateMe) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: async (me, body) => {
      setSessionUser(queryClient, me)
      form.reset({ username: me.username, preferredLanguage: isLanguage(me.preferences.preferredLanguage) ? me.preferences.preferredLanguage : 'en' })
      const next = body.preferredLanguage
      if (next && isLanguage(next) && next !== uiLanguage) {
        storeLanguage(next)
        await navigate(switchLanguagePath(location.pathname, next) + location.search, { replace: true })
        toast(getI18n(next).t('settings.profile.savedLanguage'))
      } else {
        toast(t('settings.profile.saved'))
      }
    },
    onError: (error) => applyServerErrors(form, error),
  })

  /** Only what differs from the saved profile is sent. */
  const changesOf = (values: { username: string; preferredLanguage: Language }): UpdateMe => ({
    ...(values.username !== user.username && { username: values.username }),
    ...(values.preferredLanguage !== savedLanguage && { preferredLanguage: values.preferredLanguage }),
  })
  const dirty = Object.keys(changesOf({ username: username.trim(), preferredLanguage: language })).length > 0

  const onSubmit = form.handleSubmit((values) => {
    const changes = changesOf(values)
    if (Object.keys(changes).length > 0) save.mutate(changes)
  })

  return (
    <SettingsCard title={t('settings.profile.title')} description={t('settings.profile.description')}>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="max-w-lg space-y-5">
        <TextField label={t('auth.fields.email')} value={user.email} readOnly disabled hint={t('settings.profile.emailHint')} />
        <TextField
          label={t('auth.fields.username')}
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          {...form.register('username')}
          hint={t('auth.signup.usernameHint')}
          errors={errorMessages(errors.username)}
        />
        <SelectField
          label={t('settings.profile.language')}
          {...form.register('preferredLanguage')}
          hint={t('settings.profile.languageHint')}
          errors={errorMessages(errors.preferredLanguage)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </SelectField>
        {errors.root?.server && <Alert tone="error">{errorMessage(save.error, t)}</Alert>}
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
