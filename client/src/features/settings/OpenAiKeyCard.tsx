import type { TFunction } from 'i18next'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { api, type Schemas } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import { SESSION_KEY, useCurrentUser, type Me } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { errorMessage } from '../../components/ErrorState'
import { PasswordField } from '../../components/PasswordField'
import { useToast } from '../../components/Toast'
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { modelsQuery } from './queries'
import { SettingsCard } from './SettingsCard'

type KeyResult = Schemas['OpenAiKeyResultDto']

function updateKeyStatus(queryClient: ReturnType<typeof useQueryClient>, status: Me['openAiKey']) {
  queryClient.setQueryData<Me | null>(SESSION_KEY, (me) => (me ? { ...me, openAiKey: status } : me))
  void queryClient.invalidateQueries({ queryKey: modelsQuery.queryKey })
}

function KeyStatus({ last4, result }: { last4: string | null | undefined; result: KeyResult | undefined }) {
  const { t } = useTranslation()
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="openai-key-status">
      <span className="text-sm text-slate-700">{t('settings.ai.key.configured')}</span>
      <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm text-slate-900">…{last4}</code>
      {result && (result.verified ? <Badge tone="green">{t('settings.ai.key.verified')}</Badge> : <Badge tone="amber">{t('settings.ai.key.unverified')}</Badge>)}
    </div>
  )
}

const KEY_MIN_LENGTH = 8
const KEY_MAX_LENGTH = 512

/** `PUT /me/openai-key` (SetOpenAiKeyValidator: 8 to 512 printable ASCII characters). */
const keySchema = (t: TFunction) =>
  z.object({
    apiKey: z.string().check(
      z.trim(),
      z.minLength(1, { error: t('settings.ai.key.required'), abort: true }),
      z.minLength(KEY_MIN_LENGTH, { error: t('settings.ai.key.length', { min: KEY_MIN_LENGTH, max: KEY_MAX_LENGTH }) }),
      z.maxLength(KEY_MAX_LENGTH, { error: t('settings.ai.key.length', { min: KEY_MIN_LENGTH, max: KEY_MAX_LENGTH }) }),
      z.regex(/^[\x21-\x7E]*$/, { error: t('settings.ai.key.characters') }),
    ),
  })

/** Paste, replace or remove your own OpenAI (or compatible) API key. Only its last 4 characters are ever shown. */
export function OpenAiKeyCard() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const toast = useToast()
  const [result, setResult] = useState<KeyResult>()
  const [confirmRemove, setConfirmRemove] = useState(false)
  const schema = useMemo(() => keySchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { apiKey: '' } })
  const { errors } = form.formState

  const save = useMutation({
    mutationFn: (key: string) => unwrap(api.PUT('/api/v1/me/openai-key', { body: { apiKey: key } })),
    onSuccess: (saved) => {
      setResult(saved)
      form.reset()
      updateKeyStatus(queryClient, { configured: saved.configured, last4: saved.last4 })
      toast(saved.verified ? t('settings.ai.key.savedVerified') : t('settings.ai.key.savedUnverified'))
    },
    onError: (error) => {
      // A key the provider rejects (422, never "signed out") is a message on the field too.
      if (error instanceof ApiError && error.code === 'invalid_openai_key') {
        form.setError('apiKey', { type: 'server', message: t('errors.codes.invalid_openai_key') }, { shouldFocus: true })
      } else {
        applyServerErrors(form, error)
      }
    },
  })

  const remove = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/me/openai-key')),
    onSuccess: () => {
      setResult(undefined)
      setConfirmRemove(false)
      updateKeyStatus(queryClient, { configured: false, last4: null })
      toast(t('settings.ai.key.removed'))
    },
  })

  const { configured, last4 } = user.openAiKey

  return (
    <SettingsCard
      title={t('settings.ai.key.title')}
      description={
        <>
          <p>{t('settings.ai.key.description')}</p>
          <p className="mt-1">{t('settings.ai.key.operatorNote')}</p>
        </>
      }
      data-testid="openai-key-card"
    >
      <div className="space-y-5">
        {configured ? <KeyStatus last4={last4} result={result} /> : <p className="text-sm text-slate-700">{t('settings.ai.key.notConfigured')}</p>}
        <form noValidate onSubmit={(e) => void form.handleSubmit(({ apiKey }) => save.mutate(apiKey))(e)} className="max-w-lg space-y-4">
          <PasswordField
            label={configured ? t('settings.ai.key.replaceLabel') : t('settings.ai.key.label')}
            autoComplete="off"
            placeholder="sk-…"
            {...form.register('apiKey')}
            hint={t('settings.ai.key.hint')}
            errors={errorMessages(errors.apiKey)}
          />
          {errors.root?.server && <Alert tone="error">{errorMessage(save.error, t)}</Alert>}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" loading={save.isPending}>
              {t('settings.ai.key.save')}
            </Button>
            {configured && (
              <Button variant="secondary" onClick={() => setConfirmRemove(true)}>
                {t('settings.ai.key.remove')}
              </Button>
            )}
          </div>
        </form>
      </div>

      <ConfirmDialog
        open={confirmRemove}
        onClose={() => {
          setConfirmRemove(false)
          remove.reset()
        }}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
        title={t('settings.ai.key.removeTitle')}
        description={t('settings.ai.key.removeBody')}
        confirmLabel={t('settings.ai.key.remove')}
      />
    </SettingsCard>
  )
}
