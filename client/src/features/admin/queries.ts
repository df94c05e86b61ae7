import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'

export type AdminUser = Schemas['AdminUserDto']
export type UsersPage = Schemas['PagedOfAdminUserDto']
export type Job = Schemas['JobDto']
export type JobsOverview = Schemas['JobsOverviewDto']

export const PAGE_SIZE = 20

export const JOB_STATUSES = ['dead', 'failed', 'running', 'pending', 'dispatched', 'succeeded', 'all'] as const
export type JobStatusFilter = (typeof JOB_STATUSES)[number]

export function isJobStatusFilter(value: unknown): value is JobStatusFilter {
  return typeof value === 'string' && (JOB_STATUSES as readonly string[]).includes(value)
}

export const adminUsersQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: ['admin', 'users', { q, page }] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/users', { params: { query: { q: q || undefined, page, pageSize: PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  })

export const adminJobsQuery = (status: JobStatusFilter, page: number) =>
  queryOptions({
    queryKey: ['admin', 'jobs', { status, page }] as const,
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/admin/jobs', { params: { query: { status, page, pageSize: PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
    // The queue moves on its own: refresh while the page is visible.
    refetchInterval: 15_000,
  })

/** Only the fields present change; `null` means unlimited (videoLimit) or the server default (maxUploadBytes). */
export interface UserPatch {
  isActive?: boolean
  isAdmin?: boolean
  videoLimit?: number | null
  maxUploadBytes?: number | null
}

/**
 * `PATCH /admin/users/{id}` with just the changed fields. The generated
 * request type marks all four fields required and non-nullable (the server's
 * `Optional<T>` wrapper is not described in its OpenAPI document), which is
 * not how the endpoint behaves, hence the cast.
 */
export function useUpdateUser() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: UserPatch }) =>
      unwrap(
        api.PATCH('/api/v1/admin/users/{id}', {
          params: { path: { id } },
          body: patch,
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueriesData<UsersPage>({ queryKey: ['admin', 'users'] }, (page) =>
        page ? { ...page, items: page.items.map((u) => (u.id === updated.id ? updated : u)) } : page,
      )
    },
  })
}
