import { useTranslation } from 'react-i18next'
import type { Me } from '../../../api/session'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { UploadDialog } from './UploadDialog'
import { useUploadQueue } from './UploadQueue'

/** The upload dialog and the question before signing out cancels the uploads (loaded on demand by `UploadHost`). */
export default function UploadDialogs({ user }: { user: Me }) {
  const { t } = useTranslation()
  const { dialog, closeDialog, stopQuestion } = useUploadQueue()
  return (
    <>
      {/* Each opening starts with a fresh form (and the group it was opened from); the files stay in the queue. */}
      <UploadDialog key={dialog.opening} open={dialog.open} onClose={closeDialog} user={user} groupId={dialog.groupId} />
      <ConfirmDialog
        open={stopQuestion !== undefined}
        onClose={() => stopQuestion?.answer(false)}
        onConfirm={() => stopQuestion?.answer(true)}
        pending={false}
        error={null}
        title={t('videos.upload.tray.stopTitle')}
        description={t('videos.upload.tray.stopBody')}
        confirmLabel={t('videos.upload.tray.stopConfirm')}
        testId="upload-stop-dialog"
      />
    </>
  )
}
