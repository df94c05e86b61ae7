import type { TFunction } from 'i18next'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { Controller, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'
import { setSessionUser, useCurrentUser } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, SelectField } from '../../components/Field'
import { Skeleton } from '../../components/Skeleton'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { modelsQuery, type Models } from './queries'
import { SettingsCard } from './SettingsCard'

/** Where answers come from: the provider and whose key is used. */
function ProviderNote({ models }: { models: Models }) {
  const { t } = useTranslation()
  const source = models.source === 'user' || models.source === 'server' ? models.source : 'none'
  return (
    <p className="text-sm text-slate-600" data-testid="model-source">
      {t('settings.ai.model.provider', { provider: models.provider })} {t(`settings.ai.model.source.${source}`)}
    </p>
  )
}

/** Temperature 0–2 in steps of 0.1, with its value shown and announced. */
function TemperatureSlider({
  value,
  unset,
  errors,
  onChange,
  onReset,
}: {
  value: number
  unset: boolean
  errors: readonly string[]
  onChange: (v: number) => void
  onReset: () => void
}) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const id = useId()
  const formatted = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
  return (
    <div>
      <div className="mb-1.5 flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-900">
          {t('settings.ai.model.temperature')}
        </label>
        <output htmlFor={id} className="font-mono text-sm text-slate-900" data-testid="temperature-value">
          {unset ? t('settings.ai.model.temperatureDefaultValue', { value: formatted }) : formatted}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={0}
        max={2}
        step={0.1}
        value={value}
        onChange={(e) => onChange(Math.round(Number(e.target.value) * 10) / 10)}
        aria-describedby={errors.length > 0 ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={errors.length > 0 || undefined}
        aria-valuetext={unset ? t('settings.ai.model.temperatureDefault') : formatted}
        className="w-full accent-indigo-600"
      />
      <div className="flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>0</span>
        <span>1</span>
        <span>2</span>
      </div>
      {!unset && (
        <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={onReset} data-testid="temperature-reset">
          {t('settings.ai.model.temperatureReset')}
        </Button>
      )}
      <p id={`${id}-hint`} className="mt-1.5 text-sm text-slate-600">
        {t('settings.ai.model.temperatureHint')}
      </p>
      <FieldErrorText id={`${id}-error`} errors={errors} />
    </div>
  )
}

type UpdateMe = Schemas['UpdateMeRequest']

/** The model part of `PATCH /me` (UpdateMeValidator); "" and null mean the server's defaults. */
const modelSchema = (t: TFunction) =>
  z.object({
    llmModel: z.string().check(z.maxLength(100, { error: t('settings.ai.model.invalid') }), z.regex(/^[A-Za-z0-9._:/@-]*$/, { error: t('settings.ai.model.invalid') })),
    llmTemperature: z.nullable(z.number().check(z.minimum(0), z.maximum(2))),
  })

/** Chat model (from `GET /me/models`, or the server default) and temperature. */
export function ModelCard() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const queryClient = useQueryClient()
  const toast = useToast()
  const models = useQuery(modelsQuery)
  const savedModel = user.preferences.llmModel ?? ''
  const savedTemperature = user.preferences.llmTemperature ?? null
  const schema = useMemo(() => modelSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { llmModel: savedModel, llmTemperature: savedTemperature } })
  const { errors } = form.formState
  const [model, temperature] = useWatch({ control: form.control, name: ['llmModel', 'llmTemperature'] })

  const save = useMutation({
    mutationFn: (body: UpdateMe) => unwrap(api.PATCH('/api/v1/me', { body })),
    onSuccess: (me) => {
      setSessionUser(queryClient, me)
      form.reset({ llmModel: me.preferences.llmModel ?? '', llmTemperature: me.preferences.llmTemperature ?? null })
      toast(t('settings.ai.model.saved'))
    },
    onError: (error) => applyServerErrors(form, error),
  })

  /** Only what differs from the saved preferences is sent; null returns to the server's default temperature. */
  const changesOf = (values: { llmModel: string; llmTemperature: number | null }): UpdateMe => ({
    ...(values.llmModel !== savedModel && { llmModel: values.llmModel }),
    ...(values.llmTemperature !== savedTemperature && { llmTemperature: values.llmTemperature }),
  })
  const dirty = Object.keys(changesOf({ llmModel: model, llmTemperature: temperature })).length > 0

  const onSubmit = form.handleSubmit((values) => {
    const changes = changesOf(values)
    if (Object.keys(changes).length > 0) save.mutate(changes)
  })

  const available = models.data?.models ?? []
  const options = savedModel && !available.includes(savedModel) ? [savedModel, ...available] : available

  return (
    <SettingsCard title={t('settings.ai.model.title')} description={t('settings.ai.model.description')} data-testid="model-card">
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="max-w-lg space-y-5">
        {models.isPending && (
          <div className="space-y-2" aria-busy="true">
            <span className="sr-only">{t('settings.ai.model.loading')}</span>
            <Skeleton className="h-4 w-2/3" />
          </div>
        )}
        {models.data && <ProviderNote models={models.data} />}
        {models.isError && (
          <Alert
            tone="warning"
            title={t('settings.ai.model.loadFailed')}
            actions={
              <Button variant="secondary" size="sm" onClick={() => void models.refetch()} loading={models.isFetching}>
                {t('common.retry')}
              </Button>
            }
          >
            {errorMessage(models.error, t)}
          </Alert>
        )}
        <SelectField
          label={t('settings.ai.model.label')}
          {...form.register('llmModel')}
          disabled={models.isPending}
          hint={models.data && available.length === 0 ? t('settings.ai.model.none') : undefined}
          errors={errorMessages(errors.llmModel)}
        >
          <option value="">
            {models.data?.defaultModel
              ? t('settings.ai.model.serverDefaultNamed', { model: models.data.defaultModel })
              : t('settings.ai.model.serverDefault')}
          </option>
          {options.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </SelectField>
        <Controller
          control={form.control}
          name="llmTemperature"
          render={({ field, fieldState }) => (
            <TemperatureSlider
              errors={errorMessages(fieldState.error)}
              value={field.value ?? models.data?.defaultTemperature ?? 0.2}
              unset={field.value === null}
              onChange={field.onChange}
              onReset={() => field.onChange(null)}
            />
          )}
        />
        {errors.root?.server && <Alert tone="error">{errorMessage(save.error, t)}</Alert>}
        <Button type="submit" loading={save.isPending} disabled={!dirty}>
          {t('common.save')}
        </Button>
      </form>
    </SettingsCard>
  )
}
