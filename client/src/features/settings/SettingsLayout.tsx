import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { SectionNav } from '../../components/SectionNav'

/** `/settings/*`: section navigation beside (or above, on narrow screens) the current section. */
export function SettingsLayout() {
  const { t } = useTranslation()
  const items = [
    { to: '/settings', label: t('settings.nav.profile'), end: true },
    { to: '/settings/password', label: t('settings.nav.password') },
    { to: '/settings/ai', label: t('settings.nav.ai') },
    { to: '/settings/tokens', label: t('settings.nav.tokens') },
    { to: '/settings/account', label: t('settings.nav.account') },
  ]
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('settings.title')}</h1>
      <div className="mt-6 flex flex-col gap-6 lg:flex-row lg:gap-10">
        <div className="lg:w-56 lg:shrink-0">
          <SectionNav items={items} label={t('settings.nav.label')} />
        </div>
        <div className="min-w-0 flex-1 space-y-6">
          <Outlet />
        </div>
      </div>
    </div>
  )
}
