import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ChatIcon, GearsIcon, UploadIcon } from './icons'

export function HowItWorks() {
  const { t } = useTranslation()
  const steps: Array<{ key: 'upload' | 'process' | 'ask'; icon: ReactNode }> = [
    { key: 'upload', icon: <UploadIcon /> },
    { key: 'process', icon: <GearsIcon /> },
    { key: 'ask', icon: <ChatIcon /> },
  ]

  return (
    <section id="how-it-works" aria-labelledby="how-title" className="scroll-mt-20 bg-white py-16 sm:py-20">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="max-w-2xl">
          <h2 id="how-title" className="text-3xl font-bold tracking-tight text-slate-900">
            {t('landing.how.title')}
          </h2>
          <p className="mt-3 text-lg text-slate-600">{t('landing.how.intro')}</p>
        </div>
        <ol className="mt-10 grid gap-6 md:grid-cols-3">
          {steps.map(({ key, icon }, i) => (
            <li key={key} className="relative rounded-2xl border border-slate-200 bg-slate-50 p-6">
              <div className="flex items-center gap-3">
                <span className="flex size-11 items-center justify-center rounded-xl bg-indigo-600 text-white shadow-sm">
                  {icon}
                </span>
                <span className="text-sm font-semibold tracking-wide text-indigo-700 uppercase">
                  {t('landing.how.step', { n: i + 1 })}
                </span>
              </div>
              <h3 className="mt-4 text-lg font-semibold text-slate-900">{t(`landing.how.${key}.title`)}</h3>
              <p className="mt-2 text-slate-600">{t(`landing.how.${key}.body`)}</p>
            </li>
          ))}
        </ol>
      </div>
    </section>
  )
}
