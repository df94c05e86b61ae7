import type { VideoStatus } from './queries'

export const SORTS = ['createdAt_desc', 'createdAt_asc', 'title_asc', 'title_desc'] as const
export type Sort = (typeof SORTS)[number]
export const DEFAULT_SORT: Sort = 'createdAt_desc'

/** The statuses offered as a filter ("uploaded" only lasts a moment, so it is left out). */
export const STATUS_FILTERS = ['queued', 'processing', 'ready', 'failed'] as const satisfies readonly VideoStatus[]
export type StatusFilter = (typeof STATUS_FILTERS)[number]

/** What the Videos page shows; it lives in the URL query string. */
export interface ListParams {
  q: string
  status: StatusFilter | ''
  tag: string
  sort: Sort
  page: number
}

export const DEFAULT_LIST_PARAMS: ListParams = { q: '', status: '', tag: '', sort: DEFAULT_SORT, page: 1 }

function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value)
}

/** Reads the page state from `?q=&status=&tag=&sort=&page=`, ignoring values the API would reject. */
export function parseListParams(search: URLSearchParams): ListParams {
  const status = search.get('status')
  const sort = search.get('sort')
  const page = Number(search.get('page'))
  return {
    q: (search.get('q') ?? '').slice(0, 200),
    status: isOneOf(STATUS_FILTERS, status) ? status : '',
    tag: (search.get('tag') ?? '').slice(0, 50),
    sort: isOneOf(SORTS, sort) ? sort : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  }
}

/** The query string for `params`, leaving out defaults so plain URLs stay plain. */
export function toSearchParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams()
  if (params.q.trim()) search.set('q', params.q.trim())
  if (params.status) search.set('status', params.status)
  if (params.tag) search.set('tag', params.tag)
  if (params.sort !== DEFAULT_SORT) search.set('sort', params.sort)
  if (params.page > 1) search.set('page', String(params.page))
  return search
}

/** True when the list is narrowed down (an empty result then means "no match", not "no videos"). */
export function hasFilters(params: ListParams): boolean {
  return Boolean(params.q.trim() || params.status || params.tag)
}
