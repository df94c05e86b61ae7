import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { CreateTokenDialog } from './CreateTokenDialog'
import { DeleteTokenDialog } from './DeleteTokenDialog'
import { tokensQuery, type ApiToken } from './queries'
import { SettingsCard } from './SettingsCard'
import { TokenItem } from './TokenItem'

function KeyIcon() {
  return (
    <svg className="size-6" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="8" cy="15" r="4" />
      <path d="m10.8 12.2 8.2-8.2m-3 3 2 2m-4 0 2 2" strokeLinecap="round" />
    </svg>
  )
}

/** `/settings/tokens`: personal API tokens for scripts and integrations. */
export function TokensSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('settings.tokens.documentTitle'))
  const tokens = useQuery(tokensQuery)
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<ApiToken>()

  const createButton = <Button onClick={() => setCreating(true)}>{t('settings.tokens.create.open')}</Button>

  return (
    <SettingsCard
      title={t('settings.tokens.title')}
      description={
        <>
          {t('settings.tokens.description')}{' '}
          <a href="/api/docs" className="font-semibold text-indigo-700 underline-offset-4 hover:underline">
            {t('footer.apiDocs')}
          </a>
        </>
      }
      action={tokens.data && tokens.data.length > 0 ? createButton : undefined}
      data-testid="tokens-card"
    >
      {tokens.isPending && (
        <div className="space-y-3" aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton className="h-24 w-full rounded-2xl" />
          <Skeleton className="h-24 w-full rounded-2xl" />
        </div>
      )}
      {tokens.isError && (
        <ErrorState
          title={t('settings.tokens.loadFailed')}
          error={tokens.error}
          onRetry={() => void tokens.refetch()}
          retrying={tokens.isFetching}
        />
      )}
      {tokens.data?.length === 0 && (
        <EmptyState
          headingLevel={3}
          icon={<KeyIcon />}
          title={t('settings.tokens.emptyTitle')}
          description={t('settings.tokens.emptyBody')}
          action={createButton}
        />
      )}
      {tokens.data && tokens.data.length > 0 && (
        <ul className="space-y-3" aria-label={t('settings.tokens.listLabel')}>
          {tokens.data.map((token) => (
            <TokenItem key={token.id} token={token} onDelete={setDeleting} />
          ))}
        </ul>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
      <DeleteTokenDialog token={deleting} onClose={() => setDeleting(undefined)} />
    </SettingsCard>
  )
}
