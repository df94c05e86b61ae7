import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { SelectField } from '../../components/Field'
import { Pagination } from '../../components/Pagination'
import { Skeleton } from '../../components/Skeleton'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { cx } from '../../lib/cx'
import { JobRow } from './JobRow'
import { adminJobsQuery, isJobStatusFilter, JOB_STATUSES, PAGE_SIZE, type JobStatusFilter } from './queries'
import { QueueStats } from './QueueStats'
import { stackedTable } from './stackedTable'

/** `/admin/jobs`: queue statistics and jobs by status, with Retry for failed and dead ones. */
export function JobsPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.jobs.documentTitle'))
  const [params, setParams] = useSearchParams()
  const statusParam = params.get('status')
  const status: JobStatusFilter = isJobStatusFilter(statusParam) ? statusParam : 'dead'
  const pageNumber = Number(params.get('page'))
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? pageNumber : 1
  const jobs = useQuery(adminJobsQuery(status, page))

  const update = (next: { status?: JobStatusFilter; page?: number }) => {
    const merged = new URLSearchParams(params)
    merged.set('status', next.status ?? status)
    if ((next.page ?? page) > 1) merged.set('page', String(next.page ?? page))
    else merged.delete('page')
    setParams(merged)
  }

  return (
    <section aria-labelledby="jobs-heading" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="jobs-heading" className="text-lg font-semibold text-slate-900">
          {t('admin.jobs.title')}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => void jobs.refetch()} loading={jobs.isFetching && !jobs.isPending}>
          {t('admin.jobs.refresh')}
        </Button>
      </div>

      {jobs.isPending && (
        <div className="space-y-3" aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          <Skeleton className="h-24 w-full rounded-2xl" />
          <Skeleton className="h-40 w-full rounded-2xl" />
        </div>
      )}
      {jobs.isError && (
        <ErrorState title={t('admin.jobs.loadFailed')} error={jobs.error} onRetry={() => void jobs.refetch()} retrying={jobs.isFetching} />
      )}
      {jobs.data && <QueueStats queue={jobs.data.queue} />}

      <SelectField
        containerClassName="max-w-xs"
        label={t('admin.jobs.filter')}
        value={status}
        onChange={(e) => isJobStatusFilter(e.target.value) && update({ status: e.target.value, page: 1 })}
      >
        {JOB_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`admin.jobs.filterOptions.${s}`)}
          </option>
        ))}
      </SelectField>

      {jobs.data?.jobs.items.length === 0 && (
        <EmptyState headingLevel={3} title={t('admin.jobs.emptyTitle')} description={t(`admin.jobs.emptyBody.${status}`)} />
      )}
      {jobs.data && jobs.data.jobs.items.length > 0 && (
        <>
          <div className={stackedTable.frame} aria-busy={jobs.isPlaceholderData || undefined}>
            <table className={cx(stackedTable.table, 'md:min-w-[48rem]')}>
              <caption className="sr-only">{t('admin.jobs.caption', { status: t(`admin.jobs.filterOptions.${status}`) })}</caption>
              <thead className={stackedTable.head}>
                <tr>
                  <th scope="col" className="px-4 py-3">{t('admin.jobs.columns.type')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.jobs.columns.status')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.jobs.columns.attempts')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.jobs.columns.lastError')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.jobs.columns.updated')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t('admin.jobs.columns.actions')}</span></th>
                </tr>
              </thead>
              <tbody className={stackedTable.body}>
                {jobs.data.jobs.items.map((job) => (
                  <JobRow key={job.id} job={job} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label={t('admin.jobs.pagination')}
            page={jobs.data.jobs.page}
            pageSize={jobs.data.jobs.pageSize || PAGE_SIZE}
            totalCount={jobs.data.jobs.totalCount}
            busy={jobs.isFetching}
            onPageChange={(p) => update({ page: p })}
          />
        </>
      )}
    </section>
  )
}
