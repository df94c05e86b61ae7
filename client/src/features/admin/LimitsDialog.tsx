import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../../api/frontendConfig'
import { ApiError } from '../../api/errors'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { Checkbox, controlClasses, FieldErrorText, FieldLabel, TextField, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { formatBytes } from '../../lib/format'
import { compactErrors, useFocusFirstInvalid, type FieldErrorMap } from '../../lib/forms'
import { BYTE_UNITS, splitBytes, toBytes, type ByteUnit } from './byteUnits'
import { useUpdateUser, type AdminUser, type UserPatch } from './queries'

function UploadLimitInput({
  amount,
  unit,
  disabled,
  errors,
  onAmount,
  onUnit,
}: {
  amount: string
  unit: ByteUnit
  disabled: boolean
  errors: readonly string[] | undefined
  onAmount: (v: string) => void
  onUnit: (u: ByteUnit) => void
}) {
  const { t } = useTranslation()
  const ids = useFieldIds()
  return (
    <div>
      <FieldLabel htmlFor={ids.controlId}>{t('admin.limits.upload')}</FieldLabel>
      <div className="flex gap-2">
        <div className="min-w-0 flex-1">
          <input
            id={ids.controlId}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={amount}
            disabled={disabled}
            onChange={(e) => onAmount(e.target.value)}
            className={controlClasses}
            {...describedBy(ids, false, Boolean(errors?.length))}
          />
        </div>
        <div className="w-24 shrink-0">
          <select
            aria-label={t('admin.limits.unit')}
            value={unit}
            disabled={disabled}
            onChange={(e) => onUnit(e.target.value as ByteUnit)}
            className={controlClasses}
          >
            {Object.keys(BYTE_UNITS).map((u) => (
              <option key={u} value={u}>
                {u}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldErrorText id={ids.errorId} errors={errors} />
    </div>
  )
}

function LimitsForm({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const config = useFrontendConfig()
  const update = useUpdateUser()
  const initialUpload = splitBytes(user.maxUploadBytes ?? config.data?.maxUploadBytes ?? BYTE_UNITS.GB)
  const [unlimited, setUnlimited] = useState(user.videoLimit === null || user.videoLimit === undefined)
  const [videoLimit, setVideoLimit] = useState(String(user.videoLimit ?? 10))
  const [useDefault, setUseDefault] = useState(!user.maxUploadBytes)
  const [amount, setAmount] = useState(initialUpload.amount)
  const [unit, setUnit] = useState<ByteUnit>(initialUpload.unit)
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [formRef, focusFirstInvalid] = useFocusFirstInvalid()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const limit = Number(videoLimit)
    const bytes = toBytes(amount, unit)
    const found = compactErrors({
      videoLimit: unlimited || (videoLimit.trim() !== '' && Number.isInteger(limit) && limit >= 0) ? undefined : [t('admin.limits.videoLimitInvalid')],
      maxUploadBytes: useDefault || bytes !== undefined ? undefined : [t('admin.limits.uploadInvalid')],
    })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid()
      return
    }
    const patch: UserPatch = {}
    const nextLimit = unlimited ? null : limit
    if (nextLimit !== (user.videoLimit ?? null)) patch.videoLimit = nextLimit
    const nextBytes = useDefault ? null : (bytes ?? null)
    if (nextBytes !== (user.maxUploadBytes ?? null)) patch.maxUploadBytes = nextBytes
    if (Object.keys(patch).length === 0) {
      onClose()
      return
    }
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => {
          toast(t('admin.limits.saved', { username: user.username }))
          onClose()
        },
      },
    )
  }

  const server = update.error instanceof ApiError ? update.error : undefined
  const defaultSize = config.data ? formatBytes(config.data.maxUploadBytes, lang) : '…'

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('admin.limits.videosLegend')}</legend>
        <Checkbox label={t('admin.limits.unlimited')} checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} />
        <TextField
          label={t('admin.limits.videoLimit')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          value={videoLimit}
          disabled={unlimited}
          onChange={(e) => setVideoLimit(e.target.value)}
          errors={errors.videoLimit ?? server?.fieldErrors('videoLimit')}
          hint={t('admin.limits.videoLimitHint', { count: user.videoCount })}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('admin.limits.uploadLegend')}</legend>
        <Checkbox label={t('admin.limits.useDefault', { size: defaultSize })} checked={useDefault} onChange={(e) => setUseDefault(e.target.checked)} />
        <UploadLimitInput
          amount={amount}
          unit={unit}
          disabled={useDefault}
          errors={errors.maxUploadBytes ?? server?.fieldErrors('maxUploadBytes')}
          onAmount={setAmount}
          onUnit={setUnit}
        />
      </fieldset>
      {update.isError && <Alert tone="error">{errorMessage(update.error, t)}</Alert>}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  )
}

/** Edit a user's video limit (or unlimited) and upload size limit (or the server default). */
export function LimitsDialog({ user, onClose }: { user: AdminUser | undefined; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={user !== undefined} onClose={onClose} title={t('admin.limits.title', { username: user?.username ?? '' })}>
      {user && <LimitsForm user={user} onClose={onClose} />}
    </Dialog>
  )
}
