import { stripLanguagePrefix } from '../i18n/language'

/**
 * Where to go after signing in: an app path from `?next=`, never another site.
 * Accepts only paths that start with a single `/` (so `//evil.example` and
 * `/\evil.example` are refused) and drops any language prefix, so the caller
 * can put the path into the current language.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f]/.test(next)) return undefined
  const url = new URL(next, 'http://app.invalid')
  if (url.origin !== 'http://app.invalid') return undefined
  const path = stripLanguagePrefix(url.pathname)
  if (path === '/login' || path === '/signup') return undefined
  return path + url.search + url.hash
}

/** `/login?next=<path>` for the given (possibly prefixed) location; the result is unprefixed. */
export function loginPath(pathname: string, search = ''): string {
  const current = stripLanguagePrefix(pathname) + search
  if (current === '/' || safeNextPath(current) === undefined) return '/login'
  return `/login?next=${encodeURIComponent(current)}`
}
