import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { useDocumentTitle } from '../../lib/useDocumentTitle'

/**
 * Placeholder for the signed-in dashboard (counts, recent videos, processing
 * status). `IndexPage` will render it once sessions exist.
 */
export function HomePage() {
  const { t } = useTranslation()
  useDocumentTitle(t('home.documentTitle'))
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('home.title')}</h1>
      <EmptyState className="mt-8" title={t('home.title')} description={t('home.placeholder')} />
    </div>
  )
}
