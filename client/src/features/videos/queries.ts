import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'
import { SESSION_KEY } from '../../api/session'
import type { ListParams } from './listParams'

export type Video = Schemas['VideoDto']
export type VideoStatus = Schemas['VideoStatus']
export type ProcessingStage = Schemas['ProcessingStage']
export type VideoTag = Schemas['TagDto']
export type TagWithCount = Schemas['TagWithCountDto']
export type VideosPage = Schemas['PagedOfVideoDto']

/** 12 fills rows of 1, 2, 3 and 4 columns alike. */
export const PAGE_SIZE = 12

/** Statuses after which nothing changes on its own. */
export function isSettled(status: VideoStatus): boolean {
  return status === 'ready' || status === 'failed'
}

export const videoKeys = {
  all: ['videos'] as const,
  lists: ['videos', 'list'] as const,
  list: (params: ListParams, pageSize: number) => ['videos', 'list', { ...params, pageSize }] as const,
  detail: (id: string) => ['videos', 'detail', id] as const,
}

export const TAGS_KEY = ['tags'] as const

export const videosQuery = (params: ListParams, pageSize = PAGE_SIZE) =>
  queryOptions({
    queryKey: videoKeys.list(params, pageSize),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/videos', {
          params: {
            query: {
              q: params.q || undefined,
              status: params.status || undefined,
              tag: params.tag || undefined,
              sort: params.sort,
              page: params.page,
              pageSize,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    // Live progress comes over SSE for a few cards at a time (see live.ts); the rest catch up by polling.
    refetchInterval: (query) => (query.state.data?.items.some((v) => !isSettled(v.status)) ? 15_000 : false),
  })

export const videoQuery = (id: string) =>
  queryOptions({
    queryKey: videoKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/videos/{id}', { params: { path: { id } }, signal })),
    // Without EventSource (very old browsers), poll while the video is being processed.
    refetchInterval: (query) =>
      typeof EventSource === 'undefined' && query.state.data && !isSettled(query.state.data.status) ? 10_000 : false,
  })

export const tagsQuery = queryOptions({
  queryKey: TAGS_KEY,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/tags', { signal })),
  staleTime: 30_000,
})

/** Writes a changed video into every cached place it appears (detail and list pages). */
export function updateCachedVideo(queryClient: QueryClient, id: string, update: (video: Video) => Video): void {
  queryClient.setQueryData<Video>(videoKeys.detail(id), (video) => (video ? update(video) : video))
  queryClient.setQueriesData<VideosPage>({ queryKey: videoKeys.lists }, (page) =>
    page && page.items.some((v) => v.id === id) ? { ...page, items: page.items.map((v) => (v.id === id ? update(v) : v)) } : page,
  )
}

/** After a video was added or removed: lists, tag counts and the usage on the profile change. */
export async function refreshLibrary(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: videoKeys.lists }),
    queryClient.invalidateQueries({ queryKey: TAGS_KEY }),
    queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  ])
}

/** `POST /videos/sample`: adds the built-in spoken clip. */
export function useAddSample() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/videos/sample')),
    onSuccess: async (video) => {
      queryClient.setQueryData(videoKeys.detail(video.id), video)
      await refreshLibrary(queryClient)
    },
  })
}

export interface VideoPatch {
  title?: string
  description?: string
  tags?: string[]
}

export function useUpdateVideo(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (patch: VideoPatch) => unwrap(api.PATCH('/api/v1/videos/{id}', { params: { path: { id } }, body: patch })),
    onSuccess: async (video) => {
      queryClient.setQueryData(videoKeys.detail(id), video)
      updateCachedVideo(queryClient, id, () => video)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: videoKeys.lists }),
        queryClient.invalidateQueries({ queryKey: TAGS_KEY }),
      ])
    },
  })
}

/**
 * `DELETE /videos/{id}`. The detail query is left for the caller to drop once it has left the page (dropping an
 * observed query would fetch it again, and show "not found").
 */
export function useDeleteVideo() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/videos/{id}', { params: { path: { id } } })),
    onSuccess: async (_, id) => {
      queryClient.setQueriesData<VideosPage>({ queryKey: videoKeys.lists }, (page) =>
        page && page.items.some((v) => v.id === id)
          ? { ...page, items: page.items.filter((v) => v.id !== id), totalCount: Math.max(0, page.totalCount - 1) }
          : page,
      )
      await refreshLibrary(queryClient)
    },
  })
}

export function useReprocessVideo(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/videos/{id}/reprocess', { params: { path: { id } } })),
    onSuccess: (video) => {
      updateCachedVideo(queryClient, id, () => video)
    },
  })
}
