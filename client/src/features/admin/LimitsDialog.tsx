import type { TFunction } from 'i18next'
import { useMemo } from 'react'
import { useWatch, type UseFormRegisterReturn } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { useFrontendConfig } from '../../api/frontendConfig'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { Checkbox, controlClasses, FieldErrorText, FieldLabel, TextField, describedBy, useFieldIds } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { formatBytes } from '../../lib/format'
import { applyServerErrors, errorMessages, useSchemaForm } from '../../lib/forms'
import { BYTE_UNITS, splitBytes, toBytes, type ByteUnit } from './byteUnits'
import { useUpdateUser, type AdminUser } from './queries'

const UNITS = Object.keys(BYTE_UNITS) as [ByteUnit, ...ByteUnit[]]

/**
 * The limits part of `PATCH /admin/users/{id}` (UpdateUserValidator: videoLimit 0 or more, or null for unlimited;
 * maxUploadBytes above 0, or null for the server default), as the admin edits them: checkboxes, a number, a size.
 */
const limitsSchema = (t: TFunction) =>
  z.pipe(
    z
      .object({
        unlimited: z.boolean(),
        videoLimit: z.string(),
        useDefault: z.boolean(),
        amount: z.string(),
        unit: z.enum(UNITS),
      })
      .check(
        z.superRefine((v, ctx) => {
          const limit = Number(v.videoLimit)
          if (!v.unlimited && (v.videoLimit.trim() === '' || !Number.isInteger(limit) || limit < 0)) {
            ctx.addIssue({ code: 'custom', path: ['videoLimit'], message: t('admin.limits.videoLimitInvalid') })
          }
          if (!v.useDefault && toBytes(v.amount, v.unit) === undefined) {
            ctx.addIssue({ code: 'custom', path: ['amount'], message: t('admin.limits.uploadInvalid') })
          }
        }),
      ),
    z.transform((v: { unlimited: boolean; videoLimit: string; useDefault: boolean; amount: string; unit: ByteUnit }) => ({
      videoLimit: v.unlimited ? null : Number(v.videoLimit),
      maxUploadBytes: v.useDefault ? null : (toBytes(v.amount, v.unit) ?? null),
    })),
  )

function UploadLimitInput({
  amount,
  unit,
  disabled,
  errors,
}: {
  amount: UseFormRegisterReturn
  unit: UseFormRegisterReturn
  disabled: boolean
  errors: readonly string[]
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
            disabled={disabled}
            {...amount}
            className={controlClasses}
            {...describedBy(ids, false, errors.length > 0)}
          />
        </div>
        <div className="w-24 shrink-0">
          <select aria-label={t('admin.limits.unit')} disabled={disabled} {...unit} className={controlClasses}>
            {UNITS.map((u) => (
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
  const schema = useMemo(() => limitsSchema(t), [t])
  const form = useSchemaForm(schema, {
    defaultValues: {
      unlimited: user.videoLimit === null || user.videoLimit === undefined,
      videoLimit: String(user.videoLimit ?? 10),
      useDefault: !user.maxUploadBytes,
      amount: initialUpload.amount,
      unit: initialUpload.unit,
    },
  })
  const { errors } = form.formState
  const [unlimited, useDefault] = useWatch({ control: form.control, name: ['unlimited', 'useDefault'] })

  const onSubmit = form.handleSubmit((limits) => {
    // Only what changed is sent.
    const patch = {
      ...(limits.videoLimit !== (user.videoLimit ?? null) && { videoLimit: limits.videoLimit }),
      ...(limits.maxUploadBytes !== (user.maxUploadBytes ?? null) && { maxUploadBytes: limits.maxUploadBytes }),
    }
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
        onError: (error) => applyServerErrors(form, error, { maxUploadBytes: 'amount' }),
      },
    )
  })

  const defaultSize = config.data ? formatBytes(config.data.maxUploadBytes, lang) : '…'

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('admin.limits.videosLegend')}</legend>
        <Checkbox label={t('admin.limits.unlimited')} {...form.register('unlimited')} />
        <TextField
          label={t('admin.limits.videoLimit')}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          disabled={unlimited}
          {...form.register('videoLimit')}
          errors={errorMessages(errors.videoLimit)}
          hint={t('admin.limits.videoLimitHint', { count: user.videoCount })}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('admin.limits.uploadLegend')}</legend>
        <Checkbox label={t('admin.limits.useDefault', { size: defaultSize })} {...form.register('useDefault')} />
        <UploadLimitInput
          amount={form.register('amount')}
          unit={form.register('unit')}
          disabled={useDefault}
          errors={errorMessages(errors.amount)}
        />
      </fieldset>
      {errors.root?.server && <Alert tone="error">{errorMessage(update.error, t)}</Alert>}
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
