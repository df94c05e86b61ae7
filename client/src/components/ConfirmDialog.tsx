import { useTranslation } from 'react-i18next'
import { Alert } from './Alert'
import { Button } from './Button'
import { Dialog } from './Dialog'
import { errorMessage } from './ErrorState'

/**
 * "Delete this …?", "Revoke the link?": Cancel and a danger button. While the action runs the dialog can't be
 * dismissed; its error is shown inside the dialog.
 */
export function ConfirmDialog({
  open,
  onClose,
  onConfirm,
  pending,
  error,
  title,
  description,
  confirmLabel,
  testId,
}: {
  open: boolean
  onClose: () => void
  onConfirm: () => void
  pending: boolean
  error: unknown
  title: string
  description: string
  confirmLabel: string
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Dialog
      open={open}
      onClose={onClose}
      dismissible={!pending}
      size="sm"
      title={title}
      description={description}
      data-testid={testId}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="error">{errorMessage(error, t)}</Alert> : null}
    </Dialog>
  )
}
