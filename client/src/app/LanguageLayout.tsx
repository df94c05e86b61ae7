import { useLayoutEffect } from 'react'
import { I18nextProvider } from 'react-i18next'
import { Outlet } from 'react-router'
import { AppShell } from '../components/AppShell'
import { getI18n } from '../i18n'
import type { Language } from '../i18n/language'
import { SessionWatcher } from './SessionWatcher'

/**
 * The root of each language tree (`/` and `/ja/`): provides that language's
 * translations, keeps `<html lang>` in sync, and renders the app shell.
 */
export function LanguageLayout({ lang }: { lang: Language }) {
  useLayoutEffect(() => {
    document.documentElement.lang = lang
  }, [lang])

  return (
    <I18nextProvider i18n={getI18n(lang)}>
      <SessionWatcher />
      <AppShell>
        <Outlet />
      </AppShell>
    </I18nextProvider>
  )
}
