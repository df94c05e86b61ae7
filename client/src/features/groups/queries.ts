import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import createClient from 'openapi-fetch'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'
import type { paths } from '../../api/schema'
import type { Transcript } from '../videos/transcript/queries'
import { isSettled, videoKeys } from '../videos/queries'

export type Group = Schemas['GroupDto']
export type GroupSummary = Schemas['GroupSummaryDto']
export type GroupVideo = Schemas['GroupVideoDto']
export type GroupShare = Schemas['GroupShareDto']
export type SharedGroup = Schemas['SharedGroupDto']
export type GroupsPage = Schemas['PagedOfGroupSummaryDto']
export type AddGroupVideosResult = Schemas['AddGroupVideosResultDto']

/** 12 fills rows of 1, 2 and 3 columns alike. */
export const GROUPS_PAGE_SIZE = 12
/** The upload dialog's group picker asks for this many (the server's largest page). */
export const GROUP_PICKER_SIZE = 100

export const groupKeys = {
  all: ['groups'] as const,
  lists: ['groups', 'list'] as const,
  list: (q: string, page: number, pageSize: number) => ['groups', 'list', { q, page, pageSize }] as const,
  detail: (id: string) => ['groups', 'detail', id] as const,
}

export const sharedKeys = {
  group: (token: string) => ['shared', token] as const,
  transcript: (token: string, videoId: string) => ['shared', token, 'transcript', videoId] as const,
}

/** Members still being processed: catch up now and then (their status, length and thumbnail; well inside a guest's budget). */
function whileMembersProcess(group: { videos: { status: Parameters<typeof isSettled>[0] }[] } | undefined): number | false {
  return group?.videos.some((video) => !isSettled(video.status)) ? 15_000 : false
}

export const groupsQuery = (q: string, page: number, pageSize = GROUPS_PAGE_SIZE) =>
  queryOptions({
    queryKey: groupKeys.list(q, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/groups', { params: { query: { q: q || undefined, page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  })

export const groupQuery = (id: string) =>
  queryOptions({
    queryKey: groupKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/groups/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (query) => whileMembersProcess(query.state.data),
  })

/** After a change of membership: the lists (counts, thumbnails) and the videos' "groups" facts. */
async function refreshAround(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: groupKeys.lists }),
    queryClient.invalidateQueries({ queryKey: videoKeys.all }),
  ])
}

export interface GroupFields {
  name: string
  description: string
}

export function useCreateGroup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: GroupFields) => unwrap(api.POST('/api/v1/groups', { body })),
    onSuccess: async (group) => {
      queryClient.setQueryData(groupKeys.detail(group.id), group)
      await queryClient.invalidateQueries({ queryKey: groupKeys.lists })
    },
  })
}

export function useUpdateGroup(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: GroupFields) => unwrap(api.PATCH('/api/v1/groups/{id}', { params: { path: { id } }, body })),
    onSuccess: async (group) => {
      queryClient.setQueryData(groupKeys.detail(id), group)
      await refreshAround(queryClient)
    },
  })
}

/** `DELETE /groups/{id}`. The detail query is dropped by the caller once it has left the page. */
export function useDeleteGroup() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/groups/{id}', { params: { path: { id } } })),
    onSuccess: () => refreshAround(queryClient),
  })
}

export function useAddGroupVideos(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (videoIds: string[]) =>
      unwrap(api.POST('/api/v1/groups/{id}/videos', { params: { path: { id } }, body: { videoIds } })),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: groupKeys.detail(id) }), refreshAround(queryClient)])
    },
  })
}

export function useRemoveGroupVideo(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (videoId: string) =>
      unwrap(api.DELETE('/api/v1/groups/{id}/videos/{videoId}', { params: { path: { id, videoId } } })),
    onSuccess: async (_, videoId) => {
      queryClient.setQueryData<Group>(groupKeys.detail(id), (group) =>
        group ? { ...group, videos: group.videos.filter((v) => v.id !== videoId) } : group,
      )
      await Promise.all([queryClient.invalidateQueries({ queryKey: groupKeys.detail(id) }), refreshAround(queryClient)])
    },
  })
}

/** Moves `from` to the place of `to` (what a drag or a keyboard move does). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/**
 * `PUT /groups/{id}/order`, optimistic: the new order shows at once and is rolled back when the server refuses
 * (the caller shows the error).
 */
export function useReorderGroup(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (videoIds: string[]) =>
      unwrap(api.PUT('/api/v1/groups/{id}/order', { params: { path: { id } }, body: { videoIds } })),
    onMutate: async (videoIds) => {
      await queryClient.cancelQueries({ queryKey: groupKeys.detail(id) })
      const previous = queryClient.getQueryData<Group>(groupKeys.detail(id))
      if (previous) {
        const byId = new Map(previous.videos.map((v) => [v.id, v]))
        const videos = videoIds.map((v) => byId.get(v)).filter((v): v is GroupVideo => v !== undefined)
        queryClient.setQueryData<Group>(groupKeys.detail(id), { ...previous, videos })
      }
      return { previous }
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(groupKeys.detail(id), context.previous)
    },
    onSuccess: (group) => {
      queryClient.setQueryData(groupKeys.detail(id), group)
    },
  })
}

function setShare(queryClient: QueryClient, id: string, share: GroupShare | null) {
  queryClient.setQueryData<Group>(groupKeys.detail(id), (group) => (group ? { ...group, share } : group))
}

/** `POST /groups/{id}/share`: creates the link, or rotates it (the old one stops working at once). */
export function useShareGroup(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/groups/{id}/share', { params: { path: { id } } })),
    onSuccess: async (share) => {
      setShare(queryClient, id, share)
      await queryClient.invalidateQueries({ queryKey: groupKeys.lists })
    },
  })
}

export function useRevokeShare(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/groups/{id}/share', { params: { path: { id } } })),
    onSuccess: async () => {
      setShare(queryClient, id, null)
      await queryClient.invalidateQueries({ queryKey: groupKeys.lists })
    },
  })
}

/**
 * The guests' client: plain `fetch` (looked up on every call, so test doubles apply), no session renewal and no
 * CSRF header. It only ever calls `/api/v1/shared/...`, which need no account.
 */
const guestApi = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: (request: Request) => globalThis.fetch(request),
})

export const sharedGroupQuery = (token: string) =>
  queryOptions({
    queryKey: sharedKeys.group(token),
    queryFn: ({ signal }) =>
      unwrap(guestApi.GET('/api/v1/shared/{shareToken}', { params: { path: { shareToken: token } }, signal })),
    // A revoked link or a rate limit is an answer, not a hiccup to retry.
    retry: false,
    refetchInterval: (query) => whileMembersProcess(query.state.data),
  })

export const sharedTranscriptQuery = (token: string, videoId: string) =>
  queryOptions({
    queryKey: sharedKeys.transcript(token, videoId),
    queryFn: ({ signal }) =>
      unwrap(
        guestApi.GET('/api/v1/shared/{shareToken}/videos/{videoId}/transcript', {
          params: { path: { shareToken: token, videoId } },
          signal,
        }),
      ) as Promise<Transcript>,
  })

/** A transcript URL of a group video in another format (`?format=vtt` for captions), version-stamped. */
export function withFormat(url: string, format: 'vtt' | 'srt', version?: string | null): string {
  const [path, query = ''] = url.split('?')
  const params = new URLSearchParams(query)
  params.set('format', format)
  if (version) params.set('v', version)
  return `${path}?${params.toString()}`
}
