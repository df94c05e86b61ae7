import type { TFunction } from 'i18next'
import { useId, useMemo, useState } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { FieldErrorText, SelectField, TextField } from '../../components/Field'
import { applyServerErrors, errorMessages, requiredText, useSchemaForm } from '../../lib/forms'

export interface NewToken {
  name: string
  scopes: string[]
  expiresAt?: string | null
}

const EXPIRY_PRESETS = ['30', '90', '365', 'never', 'custom'] as const
type Expiry = (typeof EXPIRY_PRESETS)[number]

const EXPIRY_LABELS = {
  '30': 'settings.tokens.create.expiryOptions.days30',
  '90': 'settings.tokens.create.expiryOptions.days90',
  '365': 'settings.tokens.create.expiryOptions.days365',
  never: 'settings.tokens.create.expiryOptions.never',
  custom: 'settings.tokens.create.expiryOptions.custom',
} as const satisfies Record<Expiry, string>

const DAY_MS = 24 * 60 * 60 * 1000

/** `YYYY-MM-DD` for a date input, in local time. */
function dateInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The expiry as an ISO instant: presets count days from now; a custom date ends at that day's local midnight. */
function expiresAt(expiry: Expiry, customDate: string, now = Date.now()): string | null | undefined {
  if (expiry === 'never') return null
  if (expiry === 'custom') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(customDate)) return undefined
    const [y, m, d] = customDate.split('-').map(Number) as [number, number, number]
    const end = new Date(y, m - 1, d, 23, 59, 59)
    return end.getTime() > now ? end.toISOString() : undefined
  }
  return new Date(now + Number(expiry) * DAY_MS).toISOString()
}

const NAME_MAX_LENGTH = 100

/** `POST /me/tokens` (CreateApiTokenValidator): a name, read or read+write, an expiry in the future or none. */
const tokenSchema = (t: TFunction) =>
  z.pipe(
    z
      .object({
        name: requiredText(NAME_MAX_LENGTH, {
          required: t('settings.tokens.create.nameRequired'),
          tooLong: t('settings.tokens.create.nameTooLong', { max: NAME_MAX_LENGTH }),
        }),
        access: z.enum(['read', 'write']),
        expiry: z.enum(EXPIRY_PRESETS),
        customDate: z.string(),
      })
      .check(
        z.superRefine((v, ctx) => {
          if (expiresAt(v.expiry, v.customDate) === undefined) {
            ctx.addIssue({ code: 'custom', path: ['customDate'], message: t('settings.tokens.create.dateInvalid') })
          }
        }),
      ),
    z.transform(
      (v: { name: string; access: 'read' | 'write'; expiry: Expiry; customDate: string }): NewToken => ({
        name: v.name,
        scopes: v.access === 'write' ? ['read', 'write'] : ['read'],
        expiresAt: expiresAt(v.expiry, v.customDate),
      }),
    ),
  )

export function CreateTokenForm({
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  /** Sends the token; `onFailed` gets the error of a failed request. */
  onSubmit: (token: NewToken, onFailed: (error: unknown) => void) => void
  onCancel: () => void
  pending: boolean
  /** The failed request's error, explained when it is not about one of the fields. */
  error: unknown
}) {
  const { t } = useTranslation()
  // The earliest pickable date, fixed when the form opens (a render must not read the clock).
  const [minDate] = useState(() => dateInputValue(new Date(Date.now() + DAY_MS)))
  const [defaultDate] = useState(() => dateInputValue(new Date(Date.now() + 30 * DAY_MS)))
  const schema = useMemo(() => tokenSchema(t), [t])
  const form = useSchemaForm(schema, {
    defaultValues: { name: '', access: 'read', expiry: '90', customDate: defaultDate },
  })
  const { errors } = form.formState
  const expiry = useWatch({ control: form.control, name: 'expiry' })
  const accessErrorId = useId()
  const accessErrors = errorMessages(errors.access)

  const submit = form.handleSubmit((token) =>
    onSubmit(token, (error) =>
      applyServerErrors(form, error, {
        scopes: 'access',
        expiresAt: form.getValues('expiry') === 'custom' ? 'customDate' : 'expiry',
      }),
    ),
  )

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="space-y-5">
      <TextField
        label={t('settings.tokens.create.name')}
        {...form.register('name')}
        maxLength={NAME_MAX_LENGTH}
        hint={t('settings.tokens.create.nameHint')}
        errors={errorMessages(errors.name)}
      />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-900">{t('settings.tokens.create.access')}</legend>
        <div className="space-y-2">
          {(['read', 'write'] as const).map((value) => (
            <label key={value} className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
              <input
                type="radio"
                value={value}
                {...form.register('access')}
                aria-invalid={accessErrors.length > 0 || undefined}
                aria-describedby={accessErrors.length > 0 ? accessErrorId : undefined}
                className="mt-0.5 accent-indigo-600"
              />
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{t(`settings.tokens.create.${value}`)}</span>
                <span className="block text-slate-600">{t(`settings.tokens.create.${value}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrorText id={accessErrorId} errors={accessErrors} />
      </fieldset>
      <SelectField label={t('settings.tokens.create.expiry')} {...form.register('expiry')} errors={errorMessages(errors.expiry)}>
        {EXPIRY_PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {t(EXPIRY_LABELS[preset])}
          </option>
        ))}
      </SelectField>
      {expiry === 'custom' && (
        <TextField
          label={t('settings.tokens.create.date')}
          type="date"
          min={minDate}
          {...form.register('customDate')}
          errors={errorMessages(errors.customDate)}
        />
      )}
      {errors.root?.server && <Alert tone="error">{errorMessage(error, t)}</Alert>}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {t('settings.tokens.create.submit')}
        </Button>
      </div>
    </form>
  )
}
