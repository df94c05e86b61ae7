import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { useTranslation } from 'react-i18next'
import type { Me } from '../api/session'
import { useSignOut } from '../features/auth/useSignOut'
import { LocalizedLink } from '../i18n/LocalizedLink'
import { Spinner } from './Spinner'

const itemClasses =
  'flex w-full cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-left text-sm text-slate-700 outline-none select-none ' +
  'data-highlighted:bg-slate-100 data-highlighted:text-slate-900 data-disabled:cursor-not-allowed data-disabled:opacity-60'

/**
 * The signed-in user's menu (Radix DropdownMenu: a menu button; arrow keys, Home/End and typing move through the
 * items, Enter or Space picks one, Escape closes it and gives the focus back to the button).
 */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation()
  const signOut = useSignOut()
  const initial = user.username.slice(0, 1).toUpperCase()

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex min-h-10 items-center gap-2 rounded-full p-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 data-[state=open]:bg-slate-100 sm:pr-3">
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-indigo-600 font-semibold text-white">
          {initial}
        </span>
        <span className="sr-only">{t('userMenu.label', { username: user.username })}</span>
        <span aria-hidden="true" className="hidden max-w-32 truncate sm:inline">
          {user.username}
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          collisionPadding={8}
          className="z-50 w-64 max-w-[calc(100vw-1rem)] rounded-xl border border-slate-200 bg-white p-2 shadow-lg"
        >
          <DropdownMenu.Label className="border-b border-slate-100 px-3 pt-1 pb-3">
            <span className="block truncate text-sm font-semibold text-slate-900">{user.username}</span>
            <span className="block truncate text-sm text-slate-600">{user.email}</span>
          </DropdownMenu.Label>
          <DropdownMenu.Group className="pt-2">
            <DropdownMenu.Item asChild className={itemClasses}>
              <LocalizedLink to="/settings">{t('nav.settings')}</LocalizedLink>
            </DropdownMenu.Item>
            {user.isAdmin && (
              <DropdownMenu.Item asChild className={itemClasses}>
                <LocalizedLink to="/admin">{t('nav.admin')}</LocalizedLink>
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className={itemClasses} disabled={signOut.isPending} onSelect={() => signOut.mutate()}>
              {signOut.isPending && <Spinner size="sm" decorative />}
              {t('nav.signOut')}
            </DropdownMenu.Item>
          </DropdownMenu.Group>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
