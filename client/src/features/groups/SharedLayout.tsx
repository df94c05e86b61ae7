import { useLayoutEffect } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { Outlet, ScrollRestoration } from 'react-router'
import { RouteFocus } from '../../app/RouteFocus'
import { LanguageSwitcher } from '../../components/LanguageSwitcher'
import { Logo } from '../../components/Logo'
import { getI18n } from '../../i18n'
import type { Language } from '../../i18n/language'

function Frame() {
  const { t } = useTranslation()
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t('common.skipToContent')}
      </a>
      <header className="border-b border-slate-200/80 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Logo compact />
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 sm:py-10">
        <Outlet />
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-6 text-center text-sm text-slate-600 sm:px-6" data-testid="powered-by">
          {t('shared.poweredBy')}
        </div>
      </footer>
    </div>
  )
}

/**
 * The frame of the shared view (`/share/:token`, `/ja/share/:token`): outside the signed-in app shell, so it asks
 * nothing about a session (no `/me`, no refresh) and works the same with or without an account.
 */
export function SharedLayout({ lang }: { lang: Language }) {
  useLayoutEffect(() => {
    document.documentElement.lang = lang
  }, [lang])
  return (
    <I18nextProvider i18n={getI18n(lang)}>
      <ScrollRestoration />
      <RouteFocus />
      <Frame />
    </I18nextProvider>
  )
}
