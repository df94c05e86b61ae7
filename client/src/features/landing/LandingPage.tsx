import { useTranslation } from 'react-i18next'
import { useFrontendConfig } from '../../api/frontendConfig'
import { ButtonLink, buttonClasses } from '../../components/Button'
import { Skeleton } from '../../components/Skeleton'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { AnswerPreview } from './AnswerPreview'
import { Features } from './Features'
import { HowItWorks } from './HowItWorks'
import { ServerStatus } from './ServerStatus'

/**
 * Sign-in / sign-up buttons. "Create an account" appears only once the server
 * has confirmed that sign-up is enabled.
 */
function AuthActions({ showHowItWorks = false }: { showHowItWorks?: boolean }) {
  const { t } = useTranslation()
  const config = useFrontendConfig()
  const signupEnabled = config.data?.signupEnabled === true

  return (
    <div className="flex flex-wrap items-center gap-3">
      {config.isPending && <Skeleton className="h-12 w-44 rounded-lg" />}
      {signupEnabled && (
        <ButtonLink to="/signup" size="lg">
          {t('landing.ctaSignup')}
        </ButtonLink>
      )}
      <ButtonLink to="/login" size="lg" variant={signupEnabled || config.isPending ? 'secondary' : 'primary'}>
        {t('landing.ctaSignIn')}
      </ButtonLink>
      {showHowItWorks && (
        <a href="#how-it-works" className={buttonClasses({ variant: 'ghost', size: 'lg' })}>
          {t('landing.ctaHowItWorks')}
        </a>
      )}
    </div>
  )
}

function Hero() {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="hero-title" className="relative isolate overflow-hidden">
      <div
        aria-hidden="true"
        className="absolute inset-0 -z-10 bg-linear-to-b from-indigo-50 via-white to-slate-50"
      />
      <div
        aria-hidden="true"
        className="absolute -top-24 right-[-10%] -z-10 size-[28rem] rounded-full bg-violet-200/50 blur-3xl"
      />
      <div className="mx-auto grid max-w-6xl items-center gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-2 lg:py-24">
        <div>
          <p className="inline-flex rounded-full bg-white px-3 py-1 text-sm font-medium text-indigo-700 shadow-sm ring-1 ring-indigo-100">
            {t('landing.eyebrow')}
          </p>
          <h1
            id="hero-title"
            className="mt-5 bg-linear-to-r from-indigo-600 to-violet-600 bg-clip-text text-5xl font-extrabold tracking-tight text-transparent sm:text-6xl"
          >
            {t('landing.title')}
          </h1>
          <p className="mt-4 text-2xl leading-snug font-semibold text-balance text-slate-900 sm:text-3xl">
            {t('landing.tagline')}
          </p>
          <p className="mt-5 max-w-xl text-lg leading-relaxed text-slate-600">{t('landing.intro')}</p>
          <div className="mt-8">
            <AuthActions showHowItWorks />
          </div>
        </div>
        <AnswerPreview />
      </div>
    </section>
  )
}

function FinalCallToAction() {
  const { t } = useTranslation()
  const config = useFrontendConfig()
  return (
    <section aria-labelledby="cta-title" className="pb-20">
      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <div className="rounded-3xl bg-linear-to-br from-indigo-600 to-violet-700 px-6 py-12 text-center text-white shadow-lg sm:px-12">
          <h2 id="cta-title" className="text-3xl font-bold tracking-tight">
            {t('landing.cta.title')}
          </h2>
          <p className="mx-auto mt-3 max-w-xl text-lg text-indigo-100">
            {config.data?.signupEnabled ? t('landing.cta.bodySignup') : t('landing.cta.bodySignIn')}
          </p>
          <div className="mt-8 flex flex-wrap justify-center gap-3">
            {config.data?.signupEnabled && (
              <ButtonLink to="/signup" size="lg" variant="onAccent">
                {t('landing.ctaSignup')}
              </ButtonLink>
            )}
            <ButtonLink to="/login" size="lg" variant="onAccentOutline">
              {t('landing.ctaSignIn')}
            </ButtonLink>
          </div>
        </div>
      </div>
    </section>
  )
}

/** The onboarding page for visitors at `/` and `/ja/`. */
export function LandingPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('landing.documentTitle'), { exact: true })

  return (
    <div data-testid="landing">
      <Hero />
      <HowItWorks />
      <Features />
      <ServerStatus />
      <FinalCallToAction />
    </div>
  )
}
