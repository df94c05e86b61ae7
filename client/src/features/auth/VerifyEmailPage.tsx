import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { api } from '../../api/client'
import { ApiError, unwrap } from '../../api/errors'
import { useSession } from '../../api/session'
import { Alert } from '../../components/Alert'
import { Button, ButtonLink } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { Spinner } from '../../components/Spinner'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AuthLayout } from './AuthLayout'
import { CheckCircleIcon } from './icons'
import { ResendVerificationForm } from './ResendVerificationForm'

/**
 * `/verify-email?token=…` (the link in the verification email). Submits the
 * token once on arrival; a query (not an effect) so that React's double
 * mounting in development cannot spend the single-use token twice.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('auth.verify.documentTitle'))
  const token = useSearchParams()[0].get('token')?.trim() ?? ''
  const { user } = useSession()
  const heading = useRef<HTMLHeadingElement>(null)

  const verify = useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })),
    enabled: token !== '',
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  })

  // Move focus to the outcome so keyboard and screen reader users learn it at once.
  useEffect(() => {
    if (verify.isSuccess || verify.isError) heading.current?.focus()
  }, [verify.isSuccess, verify.isError])

  if (!token) {
    return (
      <AuthLayout title={t('auth.verify.missingTitle')} headingRef={heading}>
        <Alert tone="error">{t('auth.verify.missingBody')}</Alert>
        <ResendVerificationForm />
      </AuthLayout>
    )
  }

  if (verify.isPending) {
    return (
      <AuthLayout title={t('auth.verify.pendingTitle')} headingRef={heading}>
        <div className="flex items-center gap-3 text-indigo-600">
          <Spinner size="md" label={t('auth.verify.pending')} />
          <span className="text-slate-600" aria-hidden="true">
            {t('auth.verify.pending')}
          </span>
        </div>
      </AuthLayout>
    )
  }

  if (verify.isError) {
    const invalid = verify.error instanceof ApiError && verify.error.code === 'token_invalid'
    return (
      <AuthLayout title={t('auth.verify.failedTitle')} headingRef={heading}>
        <Alert tone="error" data-testid="verify-error">
          {invalid ? t('auth.verify.invalid') : errorMessage(verify.error, t)}
        </Alert>
        {!invalid && (
          <Button variant="secondary" onClick={() => void verify.refetch()} loading={verify.isFetching}>
            {t('common.retry')}
          </Button>
        )}
        <section aria-labelledby="verify-resend" className="border-t border-slate-200 pt-5">
          <h2 id="verify-resend" className="mb-3 font-semibold text-slate-900">
            {t('auth.verify.resendTitle')}
          </h2>
          <ResendVerificationForm />
        </section>
      </AuthLayout>
    )
  }

  return (
    <AuthLayout title={t('auth.verify.successTitle')} headingRef={heading}>
      <div className="flex items-start gap-3" data-testid="verify-success">
        <span className="text-emerald-600">
          <CheckCircleIcon className="size-8" />
        </span>
        <p>{t('auth.verify.successBody')}</p>
      </div>
      {user ? (
        <ButtonLink to="/" className="w-full">
          {t('auth.verify.goHome')}
        </ButtonLink>
      ) : (
        <ButtonLink to="/login" className="w-full">
          {t('nav.signIn')}
        </ButtonLink>
      )}
    </AuthLayout>
  )
}
