import { useEffect, useRef } from 'react'
import { useLocation } from 'react-router'
import { stripLanguagePrefix } from '../i18n/language'

/** `/ja/settings/ai` → `settings`: moving between sections of one page keeps focus in its section nav. */
function area(pathname: string): string {
  return stripLanguagePrefix(pathname).split('/')[1] ?? ''
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
