import { useTranslation } from 'react-i18next'
import { PlayIcon } from './icons'

function CitationChip({ children, active = false }: { children: string; active?: boolean }) {
  return (
    <span
      className={
        'mx-0.5 rounded-md px-1.5 py-0.5 font-mono text-xs font-semibold whitespace-nowrap ' +
        (active ? 'bg-indigo-600 text-white' : 'bg-indigo-100 text-indigo-800')
      }
    >
      {children}
    </span>
  )
}

/** A static illustration of the product: a player, a question, and a cited answer. */
export function AnswerPreview() {
  const { t } = useTranslation()
  return (
    <figure
      aria-label={t('landing.demo.label')}
      className="relative mx-auto w-full max-w-md rounded-3xl border border-slate-200 bg-white p-4 shadow-xl shadow-indigo-900/10 sm:p-5"
    >
      {/* Player */}
      <div className="overflow-hidden rounded-2xl bg-linear-to-br from-slate-800 via-indigo-900 to-violet-900">
        <div className="flex aspect-video items-center justify-center">
          <span className="flex size-14 items-center justify-center rounded-full bg-white/15 text-white ring-1 ring-white/30">
            <PlayIcon className="size-7" />
          </span>
        </div>
        <div className="px-4 pb-3">
          <div className="relative h-1.5 rounded-full bg-white/20">
            <div className="absolute inset-y-0 left-0 w-1/4 rounded-full bg-indigo-300" />
            <span className="absolute top-1/2 left-1/4 size-3 -translate-x-1/2 -translate-y-1/2 rounded-full bg-white ring-2 ring-indigo-400" />
            <span className="absolute top-1/2 left-[61%] size-2 -translate-y-1/2 rounded-full bg-amber-300" />
          </div>
          <div className="mt-2 flex justify-between font-mono text-[11px] text-white/70">
            <span>03:12</span>
            <span>12:40</span>
          </div>
        </div>
      </div>
      <figcaption className="mt-3 text-sm font-medium text-slate-500">{t('landing.demo.videoTitle')}</figcaption>

      {/* Conversation */}
      <div className="mt-4 space-y-3 text-sm">
        <p className="ml-auto w-fit max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-600 px-4 py-2 text-white">
          {t('landing.demo.question')}
        </p>
        <p className="w-fit max-w-[92%] rounded-2xl rounded-bl-sm bg-slate-100 px-4 py-2 leading-relaxed text-slate-800">
          {t('landing.demo.answerBefore')}
          <CitationChip active>{t('landing.demo.citation1')}</CitationChip>
          {t('landing.demo.answerMiddle')}
          <CitationChip>{t('landing.demo.citation2')}</CitationChip>
          {t('landing.demo.answerAfter')}
        </p>
        <p className="text-xs text-slate-500">{t('landing.demo.seekHint')}</p>
      </div>
    </figure>
  )
}
