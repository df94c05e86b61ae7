import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { useToast } from '../../components/Toast'
import { cx } from '../../lib/cx'
import { ChatIcon, SparklesIcon, UploadIcon, WavesIcon } from './icons'
import { useAddSample } from './queries'

/**
 * The Videos page of a new user: how it works in three steps, "Upload a video", and "Add a sample video" (the
 * server's own spoken clip with subtitles), so the whole flow can be tried with nothing configured.
 */
export function VideosOnboarding({ onUpload, className }: { onUpload: () => void; className?: string }) {
  const { t } = useTranslation()
  const toast = useToast()
  const sample = useAddSample()
  const steps = [
    { icon: <UploadIcon />, title: t('videos.empty.step1Title'), body: t('videos.empty.step1Body') },
    { icon: <WavesIcon />, title: t('videos.empty.step2Title'), body: t('videos.empty.step2Body') },
    { icon: <ChatIcon />, title: t('videos.empty.step3Title'), body: t('videos.empty.step3Body') },
  ]

  return (
    <section
      aria-labelledby="videos-empty-title"
      className={cx('overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm', className)}
      data-testid="videos-empty"
    >
      <div className="bg-gradient-to-br from-indigo-600 to-violet-600 px-6 py-10 text-white sm:px-10">
        <h2 id="videos-empty-title" className="text-2xl font-bold tracking-tight">
          {t('videos.empty.title')}
        </h2>
        <p className="mt-2 max-w-2xl text-indigo-50">{t('videos.empty.body')}</p>
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <Button variant="onAccent" size="lg" onClick={onUpload}>
            <UploadIcon className="size-5" />
            {t('videos.empty.upload')}
          </Button>
          <Button
            variant="onAccentOutline"
            size="lg"
            loading={sample.isPending}
            onClick={() =>
              // The toast outlives this component, which goes away as soon as the list shows the new card.
              void sample.mutateAsync().then(
                () => toast(t('videos.empty.sampleAdded')),
                () => {}, // shown below
              )
            }
          >
            {!sample.isPending && <SparklesIcon className="size-5" />}
            {sample.isPending ? t('videos.empty.sampleAdding') : t('videos.empty.sample')}
          </Button>
        </div>
        <p className="mt-3 max-w-2xl text-sm text-indigo-100">{t('videos.empty.sampleHint')}</p>
      </div>
      {sample.isError && (
        <div className="px-6 pt-6 sm:px-10">
          <Alert tone="error" title={t('videos.empty.sampleFailed')}>
            {errorMessage(sample.error, t)}
          </Alert>
        </div>
      )}
      <ol className="grid gap-6 px-6 py-8 sm:px-10 md:grid-cols-3">
        {steps.map((step, index) => (
          <li key={step.title} className="flex gap-4 md:flex-col md:gap-3">
            <div className="flex size-11 shrink-0 items-center justify-center rounded-full bg-indigo-50 text-indigo-600" aria-hidden="true">
              {step.icon}
            </div>
            <div>
              <p className="text-xs font-semibold tracking-wide text-indigo-700 uppercase">{t('videos.empty.step', { n: index + 1 })}</p>
              <h3 className="mt-0.5 font-semibold text-slate-900">{step.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
