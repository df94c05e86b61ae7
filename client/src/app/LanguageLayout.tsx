import { useLayoutEffect } from 'react'
import { I18nextProvider } from 'react-i18next'
import { Outlet, ScrollRestoration } from 'react-router'
import { AppShell } from '../components/AppShell'
import { getI18n } from '../i18n'
import type { Language } from '../i18n/language'
import { RouteFocus } from './RouteFocus'
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
      <ScrollRestoration />
      <RouteFocus />
      <AppShell>
        <Outlet />
      </AppShell>
    </I18nextProvider>
  )
}
