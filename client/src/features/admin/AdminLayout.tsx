import { useTranslation } from 'react-i18next'
import { Outlet } from 'react-router'
import { SectionNav } from '../../components/SectionNav'

/** `/admin/*`: users and background jobs (administrators only). */
export function AdminLayout() {
  const { t } = useTranslation()
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">{t('admin.title')}</h1>
      <div className="mt-6">
        <SectionNav
          orientation="horizontal"
          label={t('admin.nav.label')}
          items={[
            { to: '/admin', label: t('admin.nav.users'), end: true },
            { to: '/admin/jobs', label: t('admin.nav.jobs') },
          ]}
        />
      </div>
      <div className="mt-6">
        <Outlet />
      </div>
    </div>
  )
}
