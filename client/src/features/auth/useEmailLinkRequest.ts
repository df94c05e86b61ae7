import type { TFunction } from 'i18next'
import { useMutation } from '@tanstack/react-query'
import { useMemo, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod/mini'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { applyServerErrors, useSchemaForm } from '../../lib/forms'
import { emailRule } from './formRules'

type LinkEndpoint = '/api/v1/auth/password-reset' | '/api/v1/auth/resend-verification'

/** `POST /auth/password-reset` and `POST /auth/resend-verification` (both `ValidEmail`). */
const emailLinkSchema = (t: TFunction) => z.object({ email: emailRule(t) })

/**
 * The "email me a link" forms (password reset, new verification link): one email field checked on the client,
 * then a POST that always answers 202 (no account enumeration). Server field errors show on the field; any other
 * failure is the form's `root.server` error.
 */
export function useEmailLinkRequest(endpoint: LinkEndpoint, defaultEmail = '') {
  const { t } = useTranslation()
  const schema = useMemo(() => emailLinkSchema(t), [t])
  const form = useSchemaForm(schema, { defaultValues: { email: defaultEmail } })
  const request = useMutation({
    mutationFn: (address: string) => unwrap(api.POST(endpoint, { body: { email: address } })),
    onError: (error) => applyServerErrors(form, error),
  })

  const onSubmit = (event: FormEvent) => void form.handleSubmit(({ email }) => request.mutate(email))(event)
  return { form, onSubmit, request }
}
