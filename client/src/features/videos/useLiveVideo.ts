import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { subscribeToVideo, type VideoStatusEvent } from './live'
import { isSettled, updateCachedVideo, videoKeys, videoQuery, type Video } from './queries'

/** How much a view wants a live stream (see `MAX_STREAMS`). */
export const LIVE_PRIORITY = { detail: 10, processing: 2, uploaded: 1, queued: 0 } as const

function applyEvent(video: Video, event: VideoStatusEvent): Video {
  return {
    ...video,
    status: event.status,
    stage: event.stage ?? null,
    progress: event.progress,
    error: event.errorCode ? { code: event.errorCode, message: event.errorMessage ?? '' } : null,
    updatedAt: event.at ?? video.updatedAt,
  }
}

/**
 * While a video is uploaded, queued or processing, follows its status events and writes them into the query
 * cache (its detail and every list page showing it). When it settles (ready or failed) the stream closes and
 * the video is fetched again for the facts processing found (duration, thumbnail…).
 */
export function useLiveVideo(video: Pick<Video, 'id' | 'status'> | undefined, priority: number) {
  const queryClient = useQueryClient()
  const id = video?.id
  const active = video !== undefined && !isSettled(video.status)

  useEffect(() => {
    if (!id || !active) return undefined
    return subscribeToVideo(
      id,
      {
        onStatus: (event) => {
          updateCachedVideo(queryClient, id, (v) => applyEvent(v, event))
          if (isSettled(event.status)) {
            void queryClient.invalidateQueries({ queryKey: videoKeys.detail(id) })
            void queryClient.invalidateQueries({ queryKey: videoKeys.lists })
          }
        },
        // The stream was refused (often a 401 after the access token expired). Fetching the video through the
        // API client renews the session if needed, and catches up with what was missed; then the stream retries.
        onLost: () => {
          queryClient
            .fetchQuery({ ...videoQuery(id), staleTime: 0 })
            .then((fresh) => updateCachedVideo(queryClient, id, () => fresh))
            .catch(() => void queryClient.invalidateQueries({ queryKey: videoKeys.lists }))
        },
      },
      priority,
    )
  }, [id, active, priority, queryClient])
}
