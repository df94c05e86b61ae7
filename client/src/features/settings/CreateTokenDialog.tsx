import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { tokensQuery, type CreatedApiToken } from './queries'
import { CreateTokenForm, type NewToken } from './CreateTokenForm'
import { TokenSecret } from './TokenSecret'

/**
 * Create a personal API token. After creation the dialog shows the secret,
 * once: closing it forgets the secret for good.
 */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [created, setCreated] = useState<CreatedApiToken>()

  const create = useMutation({
    mutationFn: (body: NewToken) => unwrap(api.POST('/api/v1/me/tokens', { body })),
    onSuccess: (token) => {
      setCreated(token)
      void queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey })
    },
  })

  const close = () => {
    setCreated(undefined)
    create.reset()
    onClose()
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      dismissible={!create.isPending}
      title={created ? t('settings.tokens.created.title') : t('settings.tokens.create.title')}
      description={created ? undefined : t('settings.tokens.create.description')}
      data-testid="token-dialog"
    >
      {created ? (
        <TokenSecret token={created} onDone={close} />
      ) : (
        <CreateTokenForm
          onSubmit={(body, onFailed) => create.mutate(body, { onError: onFailed })}
          onCancel={close}
          pending={create.isPending}
          error={create.error}
        />
      )}
    </Dialog>
  )
}
