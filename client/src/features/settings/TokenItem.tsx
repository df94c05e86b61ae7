import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { useLanguage } from '../../i18n/hooks'
import { formatDate, formatRelative } from '../../lib/format'
import type { ApiToken } from './queries'

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  )
}

/** One personal API token: name, prefix, scopes, dates and a delete button. */
export function TokenItem({ token, onDelete }: { token: ApiToken; onDelete: (token: ApiToken) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const [now] = useState(() => Date.now())
  const expired = token.expiresAt ? new Date(token.expiresAt).getTime() <= now : false

  return (
    <Card as="li" padding="md" data-testid="token-item">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
            <span className="break-all">{token.name}</span>
            {token.scopes.map((scope) => (
              <Badge key={scope} tone={scope === 'write' ? 'amber' : 'indigo'}>
                {scope === 'write' || scope === 'read' ? t(`settings.tokens.scope.${scope}`) : scope}
              </Badge>
            ))}
            {expired && <Badge tone="red">{t('settings.tokens.expired')}</Badge>}
          </h3>
          <p className="mt-1 font-mono text-sm text-slate-600">
            <span className="sr-only">{t('settings.tokens.prefix')} </span>
            {token.prefix}…
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={() => onDelete(token)} aria-label={t('settings.tokens.deleteNamed', { name: token.name })}>
          {t('common.delete')}
        </Button>
      </div>
      <dl className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Fact label={t('settings.tokens.createdAt')}>{formatDate(token.createdAt, lang)}</Fact>
        <Fact label={t('settings.tokens.lastUsed')}>
          {token.lastUsedAt ? (
            <time dateTime={token.lastUsedAt} title={formatDate(token.lastUsedAt, lang)}>
              {formatRelative(token.lastUsedAt, lang)}
            </time>
          ) : (
            t('settings.tokens.neverUsed')
          )}
        </Fact>
        <Fact label={t('settings.tokens.expires')}>
          {token.expiresAt ? <time dateTime={token.expiresAt}>{formatDate(token.expiresAt, lang)}</time> : t('settings.tokens.neverExpires')}
        </Fact>
      </dl>
    </Card>
  )
}
