import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'
import { stripLanguagePrefix } from '../i18n/language'

/** Pages made of sections with their own navigation. */
const SECTIONED = new Set(['settings', 'admin'])

/**
 * `/ja/settings/ai` → `settings`: moving between sections of one page keeps focus in its section nav. Any
 * other path is a page of its own (`/videos` and `/videos/<id>` are two pages).
 */
function area(pathname: string): string {
  const path = stripLanguagePrefix(pathname)
  const first = path.split('/')[1] ?? ''
  return SECTIONED.has(first) ? first : path
}

/**
 * After client-side navigation, move focus to the main landmark (it has
 * `tabIndex={-1}`), as a full page load would reset it: keyboard users start
 * from the new content and screen readers announce it. The first render, and
 * moves between the sections of one page (Settings, Admin), are left alone.
 */
export function RouteFocus() {
  const current = area(useLocation().pathname)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [current])
  return null
}
