import type { RouteObject } from 'react-router'
import { LoginPage } from '../features/auth/LoginPage'
import { SignupPage } from '../features/auth/SignupPage'
import { NotFoundPage } from '../features/errors/NotFoundPage'
import { IndexPage } from '../features/home/IndexPage'
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '../i18n/language'
import { LanguageLayout } from './LanguageLayout'
import { RouteError } from './RouteError'

/** The app's pages, as relative paths; each language tree gets its own copy. */
function pages(): RouteObject[] {
  return [
    { index: true, element: <IndexPage /> },
    { path: 'login', element: <LoginPage /> },
    { path: 'signup', element: <SignupPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]
}

function languageTree(lang: Language): RouteObject {
  return {
    id: `lang-${lang}`,
    path: lang === DEFAULT_LANGUAGE ? '/' : `/${lang}`,
    element: <LanguageLayout lang={lang} />,
    errorElement: <RouteError />,
    children: pages(),
  }
}

/**
 * `/login` is English and `/ja/login` Japanese. The prefixed trees come
 * first; react-router ranks static segments above splats anyway, so `/ja/x`
 * never falls into the English 404.
 */
export function createRoutes(): RouteObject[] {
  const prefixed = LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)
  return [...prefixed.map(languageTree), languageTree(DEFAULT_LANGUAGE)]
}
