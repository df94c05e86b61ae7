import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { subscribeThroughLibrary, subscribeToVideo, type VideoStatusEvent } from './live'
import { isSettled, updateCachedVideo, videoKeys, videoQuery, type Video } from './queries'

/** A detail page has its own stream (starting with the current state); cards share the library stream. */
export type LiveSource = 'detail' | 'library'

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
export function useLiveVideo(video: Pick<Video, 'id' | 'status'> | undefined, source: LiveSource) {
  const queryClient = useQueryClient()
  const id = video?.id
  const active = video !== undefined && !isSettled(video.status)

  useEffect(() => {
    if (!id || !active) return undefined
    const subscribe = source === 'detail' ? subscribeToVideo : subscribeThroughLibrary
    const catchUp = () => {
      queryClient
        .fetchQuery({ ...videoQuery(id), staleTime: 0 })
        .then((fresh) => updateCachedVideo(queryClient, id, () => fresh))
        .catch(() => void queryClient.invalidateQueries({ queryKey: videoKeys.lists }))
    }
    return subscribe(
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
        onLost: catchUp,
        // (Re)connected to the library stream: anything that changed before is fetched once.
        onReady: catchUp,
      },
    )
  }, [id, active, source, queryClient])
}
