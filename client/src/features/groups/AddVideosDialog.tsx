import { useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState, errorMessage } from '../../components/ErrorState'
import { controlClasses } from '../../components/Field'
import { Pagination } from '../../components/Pagination'
import { Skeleton } from '../../components/Skeleton'
import { useToast } from '../../components/Toast'
import { cx } from '../../lib/cx'
import { formatDuration } from '../videos/format'
import { DEFAULT_LIST_PARAMS, STATUS_FILTERS, type StatusFilter } from '../videos/listParams'
import { videosQuery } from '../videos/queries'
import { VideoStatusBadge } from '../videos/VideoStatus'
import { VideoThumbnail } from '../videos/VideoThumbnail'
import { useAddGroupVideos, type Group } from './queries'

export const ADD_PAGE_SIZE = 10

function Picker({ group, onDone }: { group: Group; onDone: () => void }) {
  const { t } = useTranslation()
  const toast = useToast()
  const add = useAddGroupVideos(group.id)
  const [text, setText] = useState('')
  const [q, setQ] = useState('')
  const [status, setStatus] = useState<StatusFilter | ''>('')
  const [page, setPage] = useState(1)
  const [chosen, setChosen] = useState<string[]>([])
  const videos = useQuery(videosQuery({ ...DEFAULT_LIST_PARAMS, q, status, page }, ADD_PAGE_SIZE))
  const members = new Set(group.videos.map((v) => v.id))

  useEffect(() => {
    if (text.trim() === q) return
    const timer = setTimeout(() => {
      setQ(text.trim())
      setPage(1)
    }, 300)
    return () => clearTimeout(timer)
  }, [text, q])

  const items = videos.data?.items ?? []
  const selectable = items.filter((v) => !members.has(v.id)).map((v) => v.id)
  const allChosen = selectable.length > 0 && selectable.every((id) => chosen.includes(id))
  const someChosen = selectable.some((id) => chosen.includes(id))

  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]))
  const toggleAll = () =>
    setChosen((list) => (allChosen ? list.filter((id) => !selectable.includes(id)) : [...list, ...selectable.filter((id) => !list.includes(id))]))

  const submit = () =>
    add.mutate(chosen, {
      onSuccess: ({ added, skipped }) => {
        const parts = [t('groups.add.added', { count: added.length })]
        if (skipped.length > 0) parts.push(t('groups.add.skipped', { count: skipped.length }))
        toast(parts.join(t('groups.add.separator')))
        onDone()
      },
    })

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
        <div>
          <label htmlFor="add-videos-search" className="sr-only">
            {t('groups.add.search')}
          </label>
          <input
            id="add-videos-search"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('groups.add.searchPlaceholder')}
            className={controlClasses}
          />
        </div>
        <div>
          <label htmlFor="add-videos-status" className="sr-only">
            {t('videos.filters.status')}
          </label>
          <select
            id="add-videos-status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as StatusFilter | '')
              setPage(1)
            }}
            className={cx(controlClasses, 'pr-8')}
          >
            <option value="">{t('videos.filters.allStatuses')}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`videos.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {videos.isPending && (
        <div className="space-y-2" aria-busy="true">
          <span className="sr-only" role="status">
            {t('common.loading')}
          </span>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      )}
      {videos.isError && !videos.data && (
        <ErrorState title={t('videos.loadFailed')} error={videos.error} onRetry={() => void videos.refetch()} retrying={videos.isFetching} />
      )}
      {videos.data && items.length === 0 && (
        <EmptyState headingLevel={3} title={q || status ? t('groups.add.noMatch') : t('groups.add.noVideos')} />
      )}
      {items.length > 0 && (
        <fieldset className={cx('space-y-2 transition-opacity', videos.isPlaceholderData && 'opacity-60')}>
          <legend className="sr-only">{t('groups.add.legend')}</legend>
          <label className="flex items-center gap-3 rounded-lg px-2 py-1.5 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              checked={allChosen}
              ref={(el) => {
                if (el) el.indeterminate = someChosen && !allChosen
              }}
              disabled={selectable.length === 0}
              onChange={toggleAll}
              className="size-4 accent-indigo-600"
            />
            {t('groups.add.selectPage')}
          </label>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="add-videos-list">
            {items.map((video) => {
              const member = members.has(video.id)
              return (
                <li key={video.id}>
                  <label className={cx('flex items-center gap-3 px-3 py-2', member ? 'cursor-not-allowed' : 'cursor-pointer hover:bg-slate-50')}>
                    <input
                      type="checkbox"
                      checked={member || chosen.includes(video.id)}
                      disabled={member}
                      onChange={() => toggle(video.id)}
                      className="size-4 shrink-0 accent-indigo-600"
                      aria-describedby={member ? `member-${video.id}` : undefined}
                    />
                    <VideoThumbnail video={video} size="sm" className="w-20 shrink-0 rounded-md" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-slate-900">{video.title}</span>
                      <span className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                        {video.durationSeconds ? <span className="tabular-nums">{formatDuration(video.durationSeconds)}</span> : null}
                        <VideoStatusBadge status={video.status} />
                        {member && <span id={`member-${video.id}`}>{t('groups.add.alreadyIn')}</span>}
                      </span>
                    </span>
                  </label>
                </li>
              )
            })}
          </ul>
        </fieldset>
      )}
      {videos.data && videos.data.totalCount > ADD_PAGE_SIZE && (
        <Pagination
          label={t('videos.pagination')}
          page={page}
          pageSize={ADD_PAGE_SIZE}
          totalCount={videos.data.totalCount}
          busy={videos.isFetching}
          onPageChange={setPage}
        />
      )}
      {add.isError && <Alert tone="error">{errorMessage(add.error, t)}</Alert>}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:items-center sm:justify-end">
        <p className="text-sm text-slate-600 sm:mr-auto" aria-live="polite">
          {t('groups.add.chosen', { count: chosen.length })}
        </p>
        <Button variant="secondary" onClick={onDone} disabled={add.isPending}>
          {t('common.cancel')}
        </Button>
        <Button onClick={submit} disabled={chosen.length === 0} loading={add.isPending}>
          {t('groups.add.submit', { count: chosen.length })}
        </Button>
      </div>
    </div>
  )
}

/** Pick videos of the library (search, status, pages) to add to the group; members show checked and disabled. */
export function AddVideosDialog({ group, open, onClose }: { group: Group; open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Dialog open={open} onClose={onClose} title={t('groups.add.title')} description={t('groups.add.body', { name: group.name })} size="lg" data-testid="add-videos-dialog">
      <Picker group={group} onDone={onClose} />
    </Dialog>
  )
}
