import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { errorMessage } from '../../components/ErrorState'
import { useToast } from '../../components/Toast'
import { tokensQuery, type ApiToken } from './queries'

/** Confirms and revokes a token (`DELETE /me/tokens/{id}`). */
export function DeleteTokenDialog({ token, onClose }: { token: ApiToken | undefined; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const toast = useToast()
  const remove = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey })
      toast(t('settings.tokens.deleted', { name: token?.name ?? '' }))
      close()
    },
  })

  function close() {
    remove.reset()
    onClose()
  }

  return (
    <Dialog
      open={token !== undefined}
      onClose={close}
      dismissible={!remove.isPending}
      size="sm"
      title={t('settings.tokens.deleteTitle', { name: token?.name ?? '' })}
      description={t('settings.tokens.deleteBody')}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={remove.isPending}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" onClick={() => token && remove.mutate(token.id)} loading={remove.isPending}>
            {t('settings.tokens.deleteConfirm')}
          </Button>
        </>
      }
    >
      {remove.isError && <Alert tone="error">{errorMessage(remove.error, t)}</Alert>}
    </Dialog>
  )
}
