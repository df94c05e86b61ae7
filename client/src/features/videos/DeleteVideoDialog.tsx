import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { useDeleteVideo, videoKeys, type Video } from './queries'

/** Confirms, deletes the video (`DELETE /videos/{id}`), then goes back to the list. */
export function DeleteVideoDialog({ video, open, onClose, backTo }: { video: Video; open: boolean; onClose: () => void; backTo?: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const queryClient = useQueryClient()
  const remove = useDeleteVideo()

  function close() {
    remove.reset()
    onClose()
  }

  async function confirm() {
    try {
      await remove.mutateAsync(video.id)
    } catch {
      return // shown in the dialog
    }
    toast(t('videos.delete.deleted', { title: video.title }))
    await navigate(backTo ?? localize('/videos'), { replace: true })
    queryClient.removeQueries({ queryKey: videoKeys.detail(video.id) })
  }

  return (
    <ConfirmDialog
      open={open}
      onClose={close}
      onConfirm={() => void confirm()}
      pending={remove.isPending}
      error={remove.error}
      title={t('videos.delete.title')}
      description={t('videos.delete.body', { title: video.title })}
      confirmLabel={t('videos.delete.confirm')}
      testId="delete-video-dialog"
    />
  )
}
