/**
 * The UI language is part of the URL: `/ja/...` is Japanese, everything else
 * is English. These helpers are pure so they can be used by the router, the
 * language switcher and tests alike.
 */
export const LANGUAGES = ['en', 'ja'] as const
export type Language = (typeof LANGUAGES)[number]

export const DEFAULT_LANGUAGE: Language = 'en'

/** Languages other than the default, each served under `/<code>/...`. */
const PREFIXED: readonly Language[] = LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)

export const LANGUAGE_STORAGE_KEY = 'askvideo.language'

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function prefixOf(pathname: string): Language | undefined {
  return PREFIXED.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`))
}

/** `/ja/videos` → `ja`; `/videos`, `/japan` → `en`. */
export function languageFromPath(pathname: string): Language {
  return prefixOf(pathname) ?? DEFAULT_LANGUAGE
}

/** `/ja/videos` → `/videos`; `/ja` and `/ja/` → `/`. Unprefixed paths are returned as is. */
export function stripLanguagePrefix(pathname: string): string {
  const lang = prefixOf(pathname)
  if (!lang) return pathname || '/'
  const rest = pathname.slice(lang.length + 1)
  return rest === '' ? '/' : rest
}

/**
 * Puts an unprefixed app path into the given language: `/videos` + `ja` →
 * `/ja/videos`, `/` + `ja` → `/ja/`, and `/videos` + `en` → `/videos`.
 * Query strings and fragments are kept.
 */
export function localizePath(path: string, lang: Language): string {
  const normalized = path.startsWith('/') ? path : `/${path}`
  if (lang === DEFAULT_LANGUAGE) return normalized
  return `/${lang}${normalized}`
}

/** The same page in another language: `/ja/videos` ↔ `/videos`. */
export function switchLanguagePath(pathname: string, target: Language): string {
  return localizePath(stripLanguagePrefix(pathname), target)
}

/**
 * Where a first page load should go given the remembered choice: a visitor who
 * chose Japanese and opens an unprefixed URL is sent to its `/ja/` twin. An
 * explicit prefix in the URL always wins. Returns `undefined` to stay.
 */
export function initialLanguageRedirect(
  pathname: string,
  stored: Language | undefined,
): string | undefined {
  if (!stored || stored === DEFAULT_LANGUAGE) return undefined
  if (prefixOf(pathname)) return undefined
  return localizePath(pathname, stored)
}

export function readStoredLanguage(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)
    return isLanguage(value) ? value : undefined
  } catch {
    return undefined // storage disabled (privacy mode, sandboxed iframe)
  }
}

export function storeLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang)
  } catch {
    // Not fatal: the URL still carries the language.
  }
}
