import { lazy, Suspense, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../api/frontendConfig'
import { NavLink } from 'react-router'
import { useSession, type Me } from '../api/session'
import { UploadHost, UploadTray } from '../features/videos/upload/UploadTray'
import { useLocalizePath } from '../i18n/hooks'
import { LocalizedLink } from '../i18n/LocalizedLink'
import { cx } from '../lib/cx'
import { ButtonLink } from './Button'
import { LanguageSwitcher } from './LanguageSwitcher'
import { Logo } from './Logo'
import { Skeleton } from './Skeleton'
import { ToastViewport } from './Toast'

// The menu (Radix DropdownMenu with its positioning engine) is loaded apart from the first page's chunk.
const UserMenu = lazy(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })))

function AppVersion() {
  const { t } = useTranslation()
  const config = useFrontendConfig()
  if (config.isPending) return <Skeleton className="h-4 w-28" />
  if (!config.data) return null
  return <span data-testid="app-version">{t('footer.version', { version: config.data.version })}</span>
}

const navLinkClasses = ({ isActive }: { isActive: boolean }) =>
  cx(
    'block rounded-lg px-2 py-2 text-sm font-medium whitespace-nowrap transition-colors sm:px-3',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
    isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900',
  )

/** Links for signed-in users; on narrow screens they form a second row under the brand. */
function PrimaryNav({ user }: { user: Me }) {
  const { t } = useTranslation()
  const localize = useLocalizePath()
  const items = [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/videos', label: t('nav.videos') },
    { to: '/groups', label: t('nav.groups') },
    { to: '/search', label: t('nav.search') },
    ...(user.isAdmin ? [{ to: '/admin', label: t('nav.admin') }] : []),
  ]
  return (
    <nav aria-label={t('nav.main')} className="order-3 -mx-1 w-full overflow-x-auto md:order-2 md:mx-0 md:ml-4 md:w-auto">
      <ul className="flex items-center gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={localize(item.to)} end={item.end} className={navLinkClasses}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function VisitorNav() {
  const { t } = useTranslation()
  const config = useFrontendConfig()
  const signupEnabled = config.data?.signupEnabled === true
  return (
    <nav aria-label={t('nav.main')}>
      <ul className="flex items-center gap-1 sm:gap-2">
        <li>
          <ButtonLink to="/login" variant="ghost" size="sm">
            {t('nav.signIn')}
          </ButtonLink>
        </li>
        {signupEnabled && (
          <li className="hidden sm:block">
            <ButtonLink to="/signup">{t('nav.createAccount')}</ButtonLink>
          </li>
        )}
      </ul>
    </nav>
  )
}

/** Header with brand, navigation, language switcher and user menu; main landmark; footer. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const { user, isError } = useSession()

  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 font-semibold text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t('common.skipToContent')}
      </a>

      <header className="sticky top-0 z-40 border-b border-slate-200/80 bg-white/85 backdrop-blur supports-[backdrop-filter]:bg-white/70">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-2 gap-y-2 px-4 py-3 sm:px-6">
          <LocalizedLink
            to="/"
            aria-label={t('nav.home')}
            className="order-1 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-indigo-600"
          >
            <Logo compact />
          </LocalizedLink>

          {user && <PrimaryNav user={user} />}

          <div className="order-2 ml-auto flex shrink-0 items-center gap-1.5 sm:gap-4 md:order-3">
            {user && <UploadTray />}
            <LanguageSwitcher />
            {user ? (
              <Suspense fallback={<Skeleton className="size-10 rounded-full" />}>
                <UserMenu user={user} />
              </Suspense>
            ) : user === null || isError ? <VisitorNav /> : <Skeleton className="size-10 rounded-full" />}
          </div>
        </div>
      </header>

      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <div className="flex flex-col gap-1">
            <Logo className="text-base" />
            <p>{t('footer.tagline')}</p>
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <a
              href="/api/docs"
              className="rounded font-medium text-indigo-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {t('footer.apiDocs')}
            </a>
            <AppVersion />
          </div>
        </div>
      </footer>
      {user && <UploadHost user={user} />}
      <ToastViewport />
    </div>
  )
}
