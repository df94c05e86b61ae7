import * as AlertDialog from '@radix-ui/react-alert-dialog'
import { useTranslation } from 'react-i18next'
import { Alert } from './Alert'
import { Button } from './Button'
import { dialogClasses, useReturnFocus } from './Dialog'
import { errorMessage } from './ErrorState'

/**
 * "Delete this …?", "Revoke the link?": an alert dialog (Radix AlertDialog, `role="alertdialog"`) with Cancel, which
 * gets the focus, and a danger button. Escape cancels; a click outside does nothing. While the action runs the
 * dialog can't be dismissed; its error is shown inside the dialog. Focus returns to the opener when it closes.
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
  testId?: string
}) {
  const { t } = useTranslation()
  const returnFocus = useReturnFocus()
  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) onClose()
      }}
    >
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={dialogClasses.overlay} />
        <AlertDialog.Content
          data-testid={testId}
          className={dialogClasses.content('sm')}
          onOpenAutoFocus={returnFocus.remember}
          onCloseAutoFocus={returnFocus.onCloseAutoFocus}
          onEscapeKeyDown={(event) => {
            if (pending) event.preventDefault()
          }}
        >
          <div className={dialogClasses.header}>
            <AlertDialog.Title className={dialogClasses.title}>{title}</AlertDialog.Title>
          </div>
          <div className={dialogClasses.body}>
            <AlertDialog.Description className={dialogClasses.description}>{description}</AlertDialog.Description>
            {error ? (
              <div className="mt-4">
                <Alert tone="error">{errorMessage(error, t)}</Alert>
              </div>
            ) : null}
          </div>
          <div className={dialogClasses.footer}>
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={pending}>
                {t('common.cancel')}
              </Button>
            </AlertDialog.Cancel>
            {/* Not an AlertDialog.Action: that would close the dialog before the action has run. */}
            <Button variant="danger" onClick={onConfirm} loading={pending}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
