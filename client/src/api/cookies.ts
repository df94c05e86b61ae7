export const CSRF_COOKIE = 'csrf_token'
export const CSRF_HEADER = 'X-CSRF-Token'

/**
 * Reads one cookie from a `document.cookie`-style string. A server with Secure cookies (HTTPS) names them with the
 * `__Host-` prefix browsers enforce (`__Host-csrf_token`); that one wins over the plain name.
 */
export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ''): string | undefined {
  return readExact(`__Host-${name}`, cookies) ?? readExact(name, cookies)
}

function readExact(name: string, cookies: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() !== name) continue
    const raw = part.slice(eq + 1).trim()
    try {
      return decodeURIComponent(raw)
    } catch {
      return raw
    }
  }
  return undefined
}

/**
 * True when the browser holds session cookies. The HttpOnly session cookies
 * are invisible to scripts, but the readable `csrf_token` (`__Host-csrf_token`
 * over HTTPS) is set and cleared with them, so its presence is a reliable hint.
 */
export function hasSessionCookie(): boolean {
  return Boolean(readCookie(CSRF_COOKIE))
}
