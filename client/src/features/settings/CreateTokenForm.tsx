import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/errors'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { SelectField, TextField } from '../../components/Field'
import { compactErrors, onlyFieldErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'

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

const FIELDS = ['name', 'scopes', 'expiresAt'] as const

export function CreateTokenForm({
  onSubmit,
  onCancel,
  pending,
  error,
}: {
  onSubmit: (token: NewToken) => void
  onCancel: () => void
  pending: boolean
  error: unknown
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [access, setAccess] = useState<'read' | 'write'>('read')
  const [expiry, setExpiry] = useState<Expiry>('90')
  // The earliest pickable date, fixed when the form opens (a render must not read the clock).
  const [minDate] = useState(() => dateInputValue(new Date(Date.now() + DAY_MS)))
  const [customDate, setCustomDate] = useState(() => dateInputValue(new Date(Date.now() + 30 * DAY_MS)))
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const expires = expiresAt(expiry, customDate)
    const found = compactErrors({
      name: name.trim() ? undefined : [t('settings.tokens.create.nameRequired')],
      expiresAt: expires === undefined ? [t('settings.tokens.create.dateInvalid')] : undefined,
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    onSubmit({ name: name.trim(), scopes: access === 'write' ? ['read', 'write'] : ['read'], expiresAt: expires })
  }

  const server = error instanceof ApiError ? error : undefined
  const fieldError = (field: string) => errors[field] ?? server?.fieldErrors(field)

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="space-y-5">
      <TextField
        label={t('settings.tokens.create.name')}
        value={name}
        onChange={(e) => {
          setName(e.target.value)
          setErrors((x) => ({ ...x, name: [] }))
        }}
        maxLength={100}
        hint={t('settings.tokens.create.nameHint')}
        errors={fieldError('name')}
      />
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-900">{t('settings.tokens.create.access')}</legend>
        <div className="space-y-2">
          {(['read', 'write'] as const).map((value) => (
            <label key={value} className="flex cursor-pointer items-start gap-2.5 rounded-lg border border-slate-200 p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
              <input
                type="radio"
                name="access"
                value={value}
                checked={access === value}
                onChange={() => setAccess(value)}
                className="mt-0.5 accent-indigo-600"
              />
              <span className="text-sm">
                <span className="block font-medium text-slate-900">{t(`settings.tokens.create.${value}`)}</span>
                <span className="block text-slate-600">{t(`settings.tokens.create.${value}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SelectField
        label={t('settings.tokens.create.expiry')}
        value={expiry}
        onChange={(e) => setExpiry(e.target.value as Expiry)}
        errors={expiry === 'custom' ? undefined : fieldError('expiresAt')}
      >
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
          value={customDate}
          min={minDate}
          onChange={(e) => {
            setCustomDate(e.target.value)
            setErrors((x) => ({ ...x, expiresAt: [] }))
          }}
          errors={fieldError('expiresAt')}
        />
      )}
      {server && !onlyFieldErrors(server, FIELDS) && <Alert tone="error">{errorMessage(server, t)}</Alert>}
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
