import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { useFrontendConfig, type FrontendConfig } from '../../api/frontendConfig'
import { Card } from '../../components/Card'
import { ErrorState } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { formatBytes } from '../../lib/format'

function ServerStatusSkeleton() {
  const { t } = useTranslation()
  return (
    <div role="status" aria-busy="true" className="space-y-3">
      <span className="sr-only">{t('landing.server.loading')}</span>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="h-5 w-full max-w-md" />
      <Skeleton className="h-4 w-56" />
    </div>
  )
}

function ServerDetails({ config }: { config: FrontendConfig }) {
  const { t, i18n } = useTranslation()
  const providers = [
    { label: t('landing.server.chat'), value: config.providers.chat },
    { label: t('landing.server.embeddings'), value: config.providers.embeddings },
    { label: t('landing.server.transcription'), value: config.providers.transcription },
  ]
  const noTranscription = config.providers.transcription.toLowerCase() === 'none'

  return (
    <div className="space-y-4">
      <div>
        <h3 className="text-sm font-semibold text-slate-500">{t('landing.server.providers')}</h3>
        <p data-testid="providers" className="mt-1 text-slate-800">
          {providers.map((p, i) => (
            <Fragment key={p.label}>
              {i > 0 && (
                <span aria-hidden="true" className="text-slate-400">
                  {t('common.listSeparator')}
                </span>
              )}
              <span className="whitespace-nowrap">
                {p.label}
                {t('common.colon')}
                <strong className="font-mono text-[0.95em] font-semibold text-indigo-700">{p.value}</strong>
              </span>
            </Fragment>
          ))}
        </p>
      </div>
      <p className="text-slate-700">
        {t('landing.server.maxUpload', { size: formatBytes(config.maxUploadBytes, i18n.language) })}
      </p>
      {noTranscription && (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          {t('landing.server.noTranscription')}
        </p>
      )}
      {!config.signupEnabled && <p className="text-sm text-slate-600">{t('landing.server.signupClosed')}</p>}
    </div>
  )
}

/** Live data from `GET /api/v1/config/frontend`, with loading and error states. */
export function ServerStatus() {
  const { t } = useTranslation()
  const config = useFrontendConfig()

  return (
    <section aria-labelledby="server-title" className="pb-16 sm:pb-20">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <Card padding="lg">
          <h2 id="server-title" className="text-xl font-bold text-slate-900">
            {t('landing.server.title')}
          </h2>
          <p className="mt-1 mb-5 text-slate-600">{t('landing.server.intro')}</p>
          {config.isPending ? (
            <ServerStatusSkeleton />
          ) : config.isError ? (
            <ErrorState
              title={t('landing.server.errorTitle')}
              error={config.error}
              onRetry={() => void config.refetch()}
              retrying={config.isFetching}
            />
          ) : (
            <ServerDetails config={config.data} />
          )}
        </Card>
      </div>
    </section>
  )
}
