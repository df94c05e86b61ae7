import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/errors'
import { Badge, type BadgeTone } from '../../components/Badge'
import { Button } from '../../components/Button'
import { errorMessage } from '../../components/ErrorState'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { cx } from '../../lib/cx'
import { formatDateTime, formatRelative } from '../../lib/format'
import type { Job } from './queries'
import { stackedTable } from './stackedTable'

const STATUS_TONES: Record<string, BadgeTone> = {
  dead: 'red',
  failed: 'red',
  running: 'indigo',
  pending: 'neutral',
  dispatched: 'neutral',
  succeeded: 'green',
}

const KNOWN_STATUSES = ['dead', 'failed', 'running', 'pending', 'dispatched', 'succeeded'] as const
type KnownStatus = (typeof KNOWN_STATUSES)[number]
const isKnown = (s: string): s is KnownStatus => (KNOWN_STATUSES as readonly string[]).includes(s)

function LastError({ text }: { text: string | null | undefined }) {
  const { t } = useTranslation()
  if (!text) return <span className="text-slate-600">{t('admin.jobs.noError')}</span>
  const firstLine = text.split('\n')[0] ?? text
  if (text.length <= 80 && !text.includes('\n')) return <span className="break-words text-red-800">{text}</span>
  return (
    <details className="max-w-md">
      <summary className="cursor-pointer rounded text-red-800 focus-visible:outline-2 focus-visible:outline-indigo-600">
        {firstLine.length > 80 ? `${firstLine.slice(0, 80)}…` : firstLine}
      </summary>
      <pre className="mt-2 max-h-60 overflow-auto rounded-lg bg-slate-900 p-3 text-xs whitespace-pre-wrap text-slate-100">{text}</pre>
    </details>
  )
}

/**
 * The last 8 hex digits of the id: job ids are UUIDv7, whose first digits are a timestamp shared by the jobs of the
 * same minute, so only the end tells them apart.
 */
const shortId = (id: string) => id.replace(/-/g, '').slice(-8)

/** One job: type, status, attempts, last error, and Retry for failed or dead jobs. */
export function JobRow({ job }: { job: Job }) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const queryClient = useQueryClient()
  const retry = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/admin/jobs/{id}/retry', { params: { path: { id: job.id } } })),
    onSuccess: async () => {
      toast(t('admin.jobs.retried', { type: job.type }))
      await queryClient.invalidateQueries({ queryKey: ['admin', 'jobs'] })
    },
    onError: (error) => toast(errorMessage(error, t), 'error'),
  })
  const retryable = job.status === 'dead' || job.status === 'failed'

  return (
    <tr className={stackedTable.row} data-testid="job-row">
      <td className={stackedTable.wide}>
        <span className="font-mono text-xs text-slate-900">{job.type}</span>
        <div className="font-mono text-xs text-slate-500">{shortId(job.id)}</div>
      </td>
      <td className={stackedTable.cell} data-label={t('admin.jobs.columns.status')}>
        <Badge tone={STATUS_TONES[job.status] ?? 'neutral'}>{isKnown(job.status) ? t(`admin.jobs.status.${job.status}`) : job.status}</Badge>
      </td>
      <td className={cx(stackedTable.cell, 'whitespace-nowrap text-slate-800')} data-label={t('admin.jobs.columns.attempts')}>
        {t('admin.jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}
      </td>
      <td className={cx(stackedTable.cell, 'col-span-2 text-sm')} data-label={t('admin.jobs.columns.lastError')}>
        <LastError text={job.lastError} />
      </td>
      <td className={cx(stackedTable.cell, 'whitespace-nowrap text-slate-700')} data-label={t('admin.jobs.columns.updated')}>
        <time dateTime={job.updatedAt} title={formatDateTime(job.updatedAt, lang)}>
          {formatRelative(job.updatedAt, lang)}
        </time>
      </td>
      <td className={cx(stackedTable.wide, 'md:text-right')}>
        {retryable && (
          <Button
            size="sm"
            variant="secondary"
            loading={retry.isPending}
            onClick={() => retry.mutate()}
            aria-label={t('admin.jobs.retryLabel', { type: job.type, id: shortId(job.id) })}
          >
            {t('admin.jobs.retry')}
          </Button>
        )}
      </td>
    </tr>
  )
}
