import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { LANGUAGES, languageFromPath, storeLanguage, switchLanguagePath } from '../i18n/language'
import { cx } from '../lib/cx'

/**
 * Switches between `/x` and `/ja/x`, keeping the query and fragment, and
 * remembers the choice for the next visit.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t } = useTranslation()
  const { pathname, search, hash } = useLocation()
  const current = languageFromPath(pathname)

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
                onClick={() => storeLanguage(lang)}
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
