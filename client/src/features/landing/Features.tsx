import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from '../../lib/cx'
import { CaptionsIcon, ChipIcon, ClockIcon, CodeIcon, LinkIcon } from './icons'

type FeatureKey = 'citations' | 'share' | 'offline' | 'models' | 'api'

const FEATURES: Array<{ key: FeatureKey; icon: ReactNode }> = [
  { key: 'citations', icon: <ClockIcon /> },
  { key: 'share', icon: <LinkIcon /> },
  { key: 'offline', icon: <CaptionsIcon /> },
  { key: 'models', icon: <ChipIcon /> },
  { key: 'api', icon: <CodeIcon /> },
]

export function Features() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="features-title" className="py-16 sm:py-20">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="max-w-2xl">
          <h2 id="features-title" className="text-3xl font-bold tracking-tight text-slate-900">
            {t('landing.features.title')}
          </h2>
          <p className="mt-3 text-lg text-slate-600">{t('landing.features.intro')}</p>
        </div>
        {/* Five cards: three then two on wide screens (a six-column grid), the last one full width on two columns. */}
        <ul className="mt-10 grid gap-6 sm:grid-cols-2 lg:grid-cols-6">
          {FEATURES.map(({ key, icon }, index) => (
            <li
              key={key}
              className={cx(
                'rounded-2xl border border-slate-200 bg-white p-6 shadow-sm',
                index < 3 ? 'lg:col-span-2' : 'lg:col-span-3',
                index === FEATURES.length - 1 && FEATURES.length % 2 === 1 && 'sm:col-span-2 lg:col-span-3',
              )}
            >
              <span className="flex size-11 items-center justify-center rounded-xl bg-violet-100 text-violet-700">
                {icon}
              </span>
              <h3 className="mt-4 text-lg font-semibold text-slate-900">{t(`landing.features.${key}.title`)}</h3>
              <p className="mt-2 text-slate-600">{t(`landing.features.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
