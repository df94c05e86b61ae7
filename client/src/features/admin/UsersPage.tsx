import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { useCurrentUser } from '../../api/session'
import { Button } from '../../components/Button'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { TextField } from '../../components/Field'
import { Pagination } from '../../components/Pagination'
import { Skeleton } from '../../components/Skeleton'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { cx } from '../../lib/cx'
import { LimitsDialog } from './LimitsDialog'
import { adminUsersQuery, PAGE_SIZE, type AdminUser } from './queries'
import { UserRow } from './UserRow'
import { stackedTable } from './stackedTable'

function pageFrom(value: string | null): number {
  const n = Number(value)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

/** `/admin`: search, page through and manage users. Search and page live in the URL. */
export function UsersPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.users.documentTitle'))
  const me = useCurrentUser()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const page = pageFrom(params.get('page'))
  const [search, setSearch] = useState(q)
  const [editing, setEditing] = useState<AdminUser>()
  const users = useQuery(adminUsersQuery(q, page))

  const update = (next: { q?: string; page?: number }) => {
    const merged = new URLSearchParams(params)
    const nextQ = next.q ?? q
    const nextPage = next.page ?? page
    if (nextQ) merged.set('q', nextQ)
    else merged.delete('q')
    if (nextPage > 1) merged.set('page', String(nextPage))
    else merged.delete('page')
    setParams(merged)
  }

  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    update({ q: search.trim(), page: 1 })
  }

  return (
    <section aria-labelledby="users-heading" className="space-y-5">
      <h2 id="users-heading" className="sr-only">
        {t('admin.nav.users')}
      </h2>
      <form role="search" onSubmit={onSearch} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          containerClassName="flex-1 sm:max-w-md"
          label={t('admin.users.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('admin.users.searchPlaceholder')}
        />
        <Button type="submit" variant="secondary">
          {t('admin.users.searchSubmit')}
        </Button>
      </form>

      {users.isPending && (
        <div className="space-y-2" aria-busy="true">
          <span className="sr-only">{t('common.loading')}</span>
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-14 w-full" />
          ))}
        </div>
      )}
      {users.isError && (
        <ErrorState
          title={t('admin.users.loadFailed')}
          error={users.error}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      )}
      {users.data?.items.length === 0 && (
        <EmptyState
          headingLevel={3}
          title={q ? t('admin.users.noMatchTitle') : t('admin.users.emptyTitle')}
          description={q ? t('admin.users.noMatchBody', { q }) : undefined}
        />
      )}
      {users.data && users.data.items.length > 0 && (
        <>
          <div className={stackedTable.frame} aria-busy={users.isPlaceholderData || undefined}>
            <table className={cx(stackedTable.table, 'md:min-w-[52rem]')}>
              <caption className="sr-only">{t('admin.users.caption')}</caption>
              <thead className={stackedTable.head}>
                <tr>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.user')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.active')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.admin')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.videos')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.upload')}</th>
                  <th scope="col" className="px-4 py-3">{t('admin.users.columns.storage')}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t('admin.users.columns.actions')}</span></th>
                </tr>
              </thead>
              <tbody className={stackedTable.body}>
                {users.data.items.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === me.id} onEditLimits={setEditing} />
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            label={t('admin.users.pagination')}
            page={users.data.page}
            pageSize={users.data.pageSize || PAGE_SIZE}
            totalCount={users.data.totalCount}
            busy={users.isFetching}
            onPageChange={(p) => update({ page: p })}
          />
        </>
      )}
      <LimitsDialog user={editing} onClose={() => setEditing(undefined)} />
    </section>
  )
}
