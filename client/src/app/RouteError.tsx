import { I18nextProvider, useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { Button } from '../components/Button'
import { getI18n } from '../i18n'
import { languageFromPath } from '../i18n/language'

function RouteErrorContent() {
  const { t } = useTranslation()
  return (
    <main
      id="main"
      className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 px-6 text-center"
    >
      <h1 className="text-2xl font-semibold text-slate-900">{t('errors.unexpectedTitle')}</h1>
      <p className="text-slate-600">{t('errors.unexpectedBody')}</p>
      <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>
    </main>
  )
}

/** Last-resort error screen for errors thrown while rendering a route. */
export function RouteError() {
  const lang = languageFromPath(useLocation().pathname)
  return (
    <I18nextProvider i18n={getI18n(lang)}>
      <RouteErrorContent />
    </I18nextProvider>
  )
}
