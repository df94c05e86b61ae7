import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { Switch } from '../../components/Switch'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { cx } from '../../lib/cx'
import { formatBytes } from '../../lib/format'
import { useUpdateUser, type AdminUser, type UserPatch } from './queries'
import { stackedTable } from './stackedTable'

/** One user in the admin table, with active/admin switches and a limits editor button. */
export function UserRow({ user, isSelf, onEditLimits }: { user: AdminUser; isSelf: boolean; onEditLimits: (user: AdminUser) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const update = useUpdateUser()
  const number = new Intl.NumberFormat(lang)

  const change = (patch: UserPatch, message: string) =>
    update.mutate(
      { id: user.id, patch },
      {
        onSuccess: () => toast(message),
        onError: (error) => toast(errorMessage(error, t), 'error'),
      },
    )

  const pending = update.isPending ? update.variables.patch : undefined

  return (
    <tr className={stackedTable.row} data-testid={`user-row-${user.username}`}>
      <td className={stackedTable.wide}>
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="font-semibold text-slate-900">{user.username}</span>
          {isSelf && <Badge tone="indigo">{t('admin.users.you')}</Badge>}
          {!user.emailVerifiedAt && <Badge tone="amber">{t('admin.users.unverified')}</Badge>}
          {user.deletionPending && <Badge tone="red">{t('admin.users.deleting')}</Badge>}
        </div>
        <div className="text-slate-600">{user.email}</div>
      </td>
      <td className={stackedTable.cell} data-label={t('admin.users.columns.active')}>
        <Switch
          checked={user.isActive}
          label={t('admin.users.activeLabel', { username: user.username })}
          busy={pending?.isActive !== undefined}
          disabled={isSelf || user.deletionPending}
          title={isSelf ? t('admin.users.selfHint') : undefined}
          onChange={(isActive) =>
            change({ isActive }, isActive ? t('admin.users.activated', { username: user.username }) : t('admin.users.deactivated', { username: user.username }))
          }
        />
      </td>
      <td className={stackedTable.cell} data-label={t('admin.users.columns.admin')}>
        <Switch
          checked={user.isAdmin}
          label={t('admin.users.adminLabel', { username: user.username })}
          busy={pending?.isAdmin !== undefined}
          disabled={isSelf || user.deletionPending}
          title={isSelf ? t('admin.users.selfHint') : undefined}
          onChange={(isAdmin) =>
            change({ isAdmin }, isAdmin ? t('admin.users.madeAdmin', { username: user.username }) : t('admin.users.removedAdmin', { username: user.username }))
          }
        />
      </td>
      <td className={cx(stackedTable.cell, 'whitespace-nowrap text-slate-800')} data-label={t('admin.users.columns.videos')}>
        {user.videoLimit === null || user.videoLimit === undefined
          ? t('admin.users.videosUnlimited', { used: number.format(user.videoCount) })
          : t('admin.users.videosOf', { used: number.format(user.videoCount), limit: number.format(user.videoLimit) })}
      </td>
      <td className={cx(stackedTable.cell, 'whitespace-nowrap text-slate-800')} data-label={t('admin.users.columns.upload')}>
        {user.maxUploadBytes ? formatBytes(user.maxUploadBytes, lang) : t('admin.users.defaultLimit')}
      </td>
      <td className={cx(stackedTable.cell, 'whitespace-nowrap text-slate-800')} data-label={t('admin.users.columns.storage')}>
        {formatBytes(user.storageBytes, lang)}
      </td>
      <td className={cx(stackedTable.wide, 'md:text-right')}>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => onEditLimits(user)}
          aria-label={t('admin.users.editLimitsFor', { username: user.username })}
        >
          {t('admin.users.editLimits')}
        </Button>
      </td>
    </tr>
  )
}
