import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { focusSoon, serverFieldErrors } from '../../lib/forms'
import { looksLikeEmail } from './passwordPolicy'

type LinkEndpoint = '/api/v1/auth/password-reset' | '/api/v1/auth/resend-verification'

/**
 * The "email me a link" forms (password reset, new verification link): one email field checked on the client,
 * then a POST that always answers 202 (no account enumeration). Server field errors show on the field.
 */
export function useEmailLinkRequest(endpoint: LinkEndpoint, defaultEmail = '', onSent?: () => void) {
  const { t } = useTranslation()
  const [email, setEmail] = useState(defaultEmail)
  const [clientError, setClientError] = useState<string>()
  const input = useRef<HTMLInputElement>(null)
  const request = useMutation({
    mutationFn: (address: string) => unwrap(api.POST(endpoint, { body: { email: address } })),
    onSuccess: onSent,
  })

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!looksLikeEmail(email)) {
      setClientError(email.trim() ? t('auth.validation.emailInvalid') : t('auth.validation.emailRequired'))
      focusSoon(input)
      return
    }
    setClientError(undefined)
    request.mutate(email.trim())
  }

  const fieldErrors = clientError ?? serverFieldErrors(request.error).email
  return { email, setEmail, input, onSubmit, request, fieldErrors }
}
