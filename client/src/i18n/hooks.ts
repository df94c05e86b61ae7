import { useCallback } from 'react'
import { useLocation } from 'react-router'
import { languageFromPath, localizePath, type Language } from './language'

/** The current UI language, from the URL prefix. */
export function useLanguage(): Language {
  return languageFromPath(useLocation().pathname)
}

/** Maps an unprefixed app path (`/login`) to the current language (`/ja/login`). */
export function useLocalizePath(): (path: string) => string {
  const lang = useLanguage()
  return useCallback((path: string) => localizePath(path, lang), [lang])
}
