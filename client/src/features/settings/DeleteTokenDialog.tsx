import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { ConfirmDialog } from '../../components/ConfirmDialog'
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
    <ConfirmDialog
      open={token !== undefined}
      onClose={close}
      onConfirm={() => token && remove.mutate(token.id)}
      pending={remove.isPending}
      error={remove.error}
      title={t('settings.tokens.deleteTitle', { name: token?.name ?? '' })}
      description={t('settings.tokens.deleteBody')}
      confirmLabel={t('settings.tokens.deleteConfirm')}
    />
  )
}
