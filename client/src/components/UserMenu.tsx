import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import type { Me } from '../api/session'
import { useSignOut } from '../features/auth/useSignOut'
import { LocalizedLink } from '../i18n/LocalizedLink'
import { cx } from '../lib/cx'
import { Spinner } from './Spinner'

const itemClasses =
  'flex w-full items-center gap-2 rounded-lg px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600'

/**
 * The signed-in user's menu (a disclosure: a button that shows a list of
 * links). Closes on Escape, on a click outside and after navigation.
 */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const { pathname } = useLocation()
  const signOut = useSignOut()

  // eslint-disable-next-line react-hooks/set-state-in-effect -- to go with the move to Radix DropdownMenu (issue 11)
  useEffect(() => setOpen(false), [pathname])

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])

  const initial = user.username.slice(0, 1).toUpperCase()

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-10 items-center gap-2 rounded-full p-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 sm:pr-3"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-indigo-600 font-semibold text-white">
          {initial}
        </span>
        <span className="sr-only">{t('userMenu.label', { username: user.username })}</span>
        <span aria-hidden="true" className="hidden max-w-32 truncate sm:inline">
          {user.username}
        </span>
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cx('absolute right-0 z-50 mt-2 w-64 rounded-xl border border-slate-200 bg-white p-2 shadow-lg')}
      >
        <div className="border-b border-slate-100 px-3 pt-1 pb-3">
          <p className="truncate text-sm font-semibold text-slate-900">{user.username}</p>
          <p className="truncate text-sm text-slate-600">{user.email}</p>
        </div>
        <ul className="pt-2">
          <li>
            <LocalizedLink to="/settings" className={itemClasses}>
              {t('nav.settings')}
            </LocalizedLink>
          </li>
          {user.isAdmin && (
            <li>
              <LocalizedLink to="/admin" className={itemClasses}>
                {t('nav.admin')}
              </LocalizedLink>
            </li>
          )}
          <li>
            <button type="button" className={itemClasses} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              {signOut.isPending && <Spinner size="sm" decorative />}
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  )
}
