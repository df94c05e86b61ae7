import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'

export type SearchResult = Schemas['SceneHitDto']
export type SearchResults = Schemas['SceneSearchResultDto']

/** Queries shorter than this are not sent. */
export const MIN_QUERY_LENGTH = 2

export interface SearchScope {
  groupId?: string
  videoId?: string
}

/** `GET /search?q=&groupId=&videoId=`: scenes ranked by hybrid search, best first. */
export const searchQuery = (q: string, { groupId, videoId }: SearchScope = {}) =>
  queryOptions({
    queryKey: ['search', { q, groupId: groupId ?? null, videoId: videoId ?? null }] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/search', {
          params: { query: { q, ...(groupId ? { groupId } : {}), ...(videoId ? { videoId } : {}) } },
          signal,
        }),
      ) as Promise<SearchResults>,
    enabled: q.length >= MIN_QUERY_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 30 * 1000,
  })
