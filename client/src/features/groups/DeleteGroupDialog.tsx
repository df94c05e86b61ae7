import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { groupKeys, useDeleteGroup, type Group } from './queries'

/** Confirms (the videos are kept), deletes the group, then goes back to the list. */
export function DeleteGroupDialog({ group, open, onClose }: { group: Group; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const queryClient = useQueryClient()
  const remove = useDeleteGroup()

  function close() {
    remove.reset()
    onClose()
  }

  async function confirm() {
    try {
      await remove.mutateAsync(group.id)
    } catch {
      return // shown in the dialog
    }
    toast(t('groups.delete.deleted', { name: group.name }))
    await navigate(localize('/groups'), { replace: true })
    queryClient.removeQueries({ queryKey: groupKeys.detail(group.id) })
  }

  return (
    <ConfirmDialog
      open={open}
      onClose={close}
      onConfirm={() => void confirm()}
      pending={remove.isPending}
      error={remove.error}
      title={t('groups.delete.title')}
      description={t('groups.delete.body', { name: group.name })}
      confirmLabel={t('groups.delete.confirm')}
      testId="delete-group-dialog"
    />
  )
}
