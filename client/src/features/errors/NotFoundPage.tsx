import { useTranslation } from 'react-i18next'
import { ButtonLink } from '../../components/Button'
import { useDocumentTitle } from '../../lib/useDocumentTitle'

export function NotFoundPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('errors.notFound.documentTitle'))
  return (
    <div data-testid="not-found" className="mx-auto flex max-w-lg flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="text-sm font-semibold tracking-widest text-indigo-700">{t('errors.notFound.code')}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">{t('errors.notFound.title')}</h1>
      <p className="mt-4 text-slate-600">{t('errors.notFound.body')}</p>
      <ButtonLink to="/" className="mt-8">
        {t('errors.notFound.action')}
      </ButtonLink>
    </div>
  )
}
