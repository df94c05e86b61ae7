import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { api } from '../api/client'
import { unwrap } from '../api/errors'
import { SESSION_KEY, setSessionUser, type Me } from '../api/session'
import { LANGUAGES, languageFromPath, storeLanguage, switchLanguagePath, type Language } from '../i18n/language'
import { cx } from '../lib/cx'

/**
 * Switches between `/x` and `/ja/x`, keeping the query and fragment, and
 * remembers the choice for the next visit. When signed in it also saves the
 * choice as the account's `preferredLanguage` (PATCH /me), which emails and
 * answers use and the next sign-in applies.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t } = useTranslation()
  const { pathname, search, hash } = useLocation()
  const current = languageFromPath(pathname)
  const queryClient = useQueryClient()
  const save = useMutation({
    mutationFn: (preferredLanguage: Language) => unwrap(api.PATCH('/api/v1/me', { body: { preferredLanguage } })),
    // The page already shows the new language; a failed save only means the next sign-in uses the old one.
    onSuccess: (me) => setSessionUser(queryClient, me),
  })

  const choose = (lang: Language) => {
    storeLanguage(lang)
    // Read from the cache, not useSession(): the shared view has this switcher and must never ask for GET /me.
    const user = queryClient.getQueryData<Me | null>(SESSION_KEY)
    if (user && user.preferences.preferredLanguage !== lang) save.mutate(lang)
  }

  return (
    <nav aria-label={t('language.label')} className={className}>
      <ul className="flex items-center rounded-full bg-slate-100 p-0.5 text-sm">
        {LANGUAGES.map((lang) => {
          const active = lang === current
          return (
            <li key={lang}>
              <Link
                to={switchLanguagePath(pathname, lang) + search + hash}
                lang={lang}
                hrefLang={lang}
                aria-current={active ? 'true' : undefined}
                onClick={() => choose(lang)}
                className={cx(
                  'block rounded-full px-2.5 py-1.5 font-medium whitespace-nowrap transition-colors sm:px-3',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
                  active ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-600 hover:text-slate-900',
                )}
              >
                {t(`language.${lang}`)}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
