import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { useLanguage } from '../../i18n/hooks'
import { formatDateTime } from '../../lib/format'
import { formatTimecode } from '../videos/transcript/queries'
import type { ChatAnalytics, Citation } from './api'

/**
 * The Analytics tab's content: questions per day (a bar chart, with the same figures in a table for screen readers),
 * feedback counts, the most-cited scenes (buttons that play them) and the questions the videos could not answer.
 * Loaded on demand with the chart library (React.lazy), so neither is in the main bundle.
 */
export default function AnalyticsView({ data, onCitation }: { data: ChatAnalytics; onCitation: (citation: Citation) => void }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const numbers = new Intl.NumberFormat(lang)
  const dayFormat = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  const days = data.questionsPerDay.map((d) => ({ ...d, label: dayFormat.format(new Date(`${d.date}T00:00:00Z`)) }))
  const { good, bad, none } = data.feedback
  const rated = good + bad + none
  const percent = (n: number) => (rated > 0 ? (n / rated) * 100 : 0)
  // The `responsive` chart follows its container with a ResizeObserver; without one (old browsers, tests) a fixed size.
  const sizing =
    typeof ResizeObserver === 'undefined' ? { width: 480, height: 220 } : { responsive: true, style: { width: '100%', height: 220 } }

  return (
    <div className="space-y-6" data-testid="chat-analytics">
      <section aria-labelledby="analytics-per-day">
        <h3 id="analytics-per-day" className="font-semibold text-slate-900">
          {t('chat.analytics.perDay')}
        </h3>
        {days.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('chat.analytics.noQuestions')}</p>
        ) : (
          <figure className="mt-3">
            <div aria-hidden="true">
              <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} {...sizing}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
                <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
                <Tooltip cursor={{ fill: '#eef2ff' }} formatter={(value) => [numbers.format(Number(value)), t('chat.analytics.questions')]} />
                <Bar dataKey="count" fill="#4f46e5" radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </div>
            <table className="sr-only">
              <caption>{t('chat.analytics.perDay')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('chat.analytics.day')}</th>
                  <th scope="col">{t('chat.analytics.questions')}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.date}>
                    <th scope="row">{d.label}</th>
                    <td>{numbers.format(d.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        )}
      </section>

      <section aria-labelledby="analytics-feedback">
        <h3 id="analytics-feedback" className="font-semibold text-slate-900">
          {t('chat.analytics.feedback')}
        </h3>
        <dl className="mt-3 grid grid-cols-3 gap-2 text-center">
          {(
            [
              ['good', good, 'bg-emerald-50 text-emerald-900'],
              ['bad', bad, 'bg-red-50 text-red-900'],
              ['none', none, 'bg-slate-50 text-slate-800'],
            ] as const
          ).map(([key, count, tone]) => (
            <div key={key} className={`rounded-xl p-3 ${tone}`}>
              <dt className="text-xs font-medium">{t(`chat.history.feedback.${key}`)}</dt>
              <dd className="mt-1 text-2xl font-bold tabular-nums" data-testid={`feedback-${key}`}>
                {numbers.format(count)}
              </dd>
            </div>
          ))}
        </dl>
        {rated > 0 && (
          <div className="mt-2 flex h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
            <span className="bg-emerald-500" style={{ width: `${percent(good)}%` }} />
            <span className="bg-red-500" style={{ width: `${percent(bad)}%` }} />
          </div>
        )}
      </section>

      <section aria-labelledby="analytics-top">
        <h3 id="analytics-top" className="font-semibold text-slate-900">
          {t('chat.analytics.topScenes')}
        </h3>
        {data.topScenes.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('chat.analytics.noCitations')}</p>
        ) : (
          <ol className="mt-3 space-y-2">
            {data.topScenes.map((scene, index) => {
              const start = formatTimecode(scene.startMs)
              return (
                <li key={scene.sceneId} className="flex items-start gap-3 rounded-xl border border-slate-200 p-3">
                  <button
                    type="button"
                    onClick={() => onCitation({ ...scene, n: index + 1 })}
                    aria-label={t('chat.analytics.play', { title: scene.title, start })}
                    className="shrink-0 rounded-md bg-indigo-50 px-2 py-1 font-mono text-xs font-semibold text-indigo-800 tabular-nums ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
                  >
                    {start}
                  </button>
                  <div className="min-w-0 flex-1">
                    <p className="text-sm font-medium [overflow-wrap:anywhere] text-slate-900">{scene.title}</p>
                    <p className="line-clamp-2 text-sm text-slate-600">{scene.text}</p>
                  </div>
                  <span className="shrink-0 text-xs whitespace-nowrap text-slate-600">
                    {t('chat.analytics.citedTimes', { count: scene.citations, formatted: numbers.format(scene.citations) })}
                  </span>
                </li>
              )
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="analytics-unanswered">
        <h3 id="analytics-unanswered" className="font-semibold text-slate-900">
          {t('chat.analytics.unanswered')}
        </h3>
        <p className="mt-1 text-sm text-slate-600">{t('chat.analytics.unansweredHelp')}</p>
        {data.unanswered.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t('chat.analytics.noUnanswered')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {data.unanswered.map((item) => (
              <li key={item.chatLogId} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <span className="text-sm [overflow-wrap:anywhere] text-slate-900">{item.question}</span>
                <time dateTime={item.createdAt} className="shrink-0 text-xs text-slate-500">
                  {formatDateTime(item.createdAt, lang)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
