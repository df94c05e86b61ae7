import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { CopyButton } from '../../components/CopyButton'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { errorMessage } from '../../components/ErrorState'
import { controlClasses } from '../../components/Field'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { formatDateTime } from '../../lib/format'
import { LinkIcon } from './icons'
import { useRevokeShare, useShareGroup, type Group } from './queries'

/** Create, copy, rotate and revoke the group's share link. */
export function SharePanel({ group }: { group: Group }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const share = useShareGroup(group.id)
  const revoke = useRevokeShare(group.id)
  const [confirming, setConfirming] = useState<'rotate' | 'revoke' | null>(null)
  const link = group.share

  const close = () => {
    share.reset()
    revoke.reset()
    setConfirming(null)
  }

  return (
    <Card as="section" aria-labelledby="share-heading" data-testid="share-panel">
      <h2 id="share-heading" className="flex items-center gap-2 font-semibold text-slate-900">
        <LinkIcon className="size-5 text-indigo-600" />
        {t('groups.share.heading')}
      </h2>
      <p className="mt-2 text-sm text-slate-600">{t('groups.share.explain')}</p>
      {link ? (
        <div className="mt-4 space-y-3">
          <div>
            <label htmlFor="share-url" className="mb-1.5 block text-sm font-medium text-slate-900">
              {t('groups.share.urlLabel')}
            </label>
            <div className="flex flex-col gap-2 sm:flex-row">
              <input
                id="share-url"
                readOnly
                value={link.url}
                onFocus={(e) => e.currentTarget.select()}
                className={`${controlClasses} font-mono`}
                data-testid="share-url"
              />
              <CopyButton text={link.url} label={t('groups.share.copy')} className="shrink-0" />
            </div>
            <p className="mt-1.5 text-xs text-slate-500">{t('groups.share.since', { date: formatDateTime(link.sharedAt, lang) })}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => setConfirming('rotate')}>
              {t('groups.share.rotate')}
            </Button>
            <Button variant="secondary" size="sm" className="text-red-700" onClick={() => setConfirming('revoke')}>
              {t('groups.share.revoke')}
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-4 space-y-3">
          <p className="text-sm text-slate-600" data-testid="share-none">
            {t('groups.share.none')}
          </p>
          <Button
            loading={share.isPending && confirming === null}
            onClick={() => share.mutate(undefined, { onSuccess: () => toast(t('groups.share.created')) })}
          >
            {t('groups.share.create')}
          </Button>
          {share.isError && confirming === null && <Alert tone="error">{errorMessage(share.error, t)}</Alert>}
        </div>
      )}

      <ConfirmDialog
        open={confirming === 'rotate'}
        title={t('groups.share.rotateTitle')}
        description={t('groups.share.rotateBody')}
        confirmLabel={t('groups.share.rotateConfirm')}
        pending={share.isPending}
        error={share.error}
        onClose={close}
        onConfirm={() =>
          share.mutate(undefined, {
            onSuccess: () => {
              toast(t('groups.share.rotated'))
              close()
            },
          })
        }
        testId="rotate-share-dialog"
      />
      <ConfirmDialog
        open={confirming === 'revoke'}
        title={t('groups.share.revokeTitle')}
        description={t('groups.share.revokeBody')}
        confirmLabel={t('groups.share.revokeConfirm')}
        pending={revoke.isPending}
        error={revoke.error}
        onClose={close}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              toast(t('groups.share.revoked'))
              close()
            },
          })
        }
        testId="revoke-share-dialog"
      />
    </Card>
  )
}
