import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { clearSession } from '../../api/session'
import { useToast } from '../../components/Toast'
import { useLocalizePath } from '../../i18n/hooks'
import { useConfirmStopUploads } from '../videos/upload/UploadQueue'

/**
 * Signs out (`POST /auth/logout`). Whatever the server answers, the browser
 * forgets the user: a failed logout must never leave the UI signed in. While
 * files are being uploaded it asks first (signing out cancels them).
 */
export function useSignOut() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const localize = useLocalizePath()
  const toast = useToast()
  const confirmStopUploads = useConfirmStopUploads()

  const mutation = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: async () => {
      await navigate(localize('/'))
      clearSession(queryClient)
      toast(t('session.signedOut'), 'info')
    },
  })
  const { mutate } = mutation
  return {
    ...mutation,
    mutate: () => {
      void confirmStopUploads().then((go) => {
        if (go) mutate()
      })
    },
  }
}
