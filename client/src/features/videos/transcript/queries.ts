import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { api, type Schemas } from '../../../api/client'
import { unwrap } from '../../../api/errors'
import { updateCachedVideo, videoKeys, type Video } from '../queries'

export type Transcript = Schemas['TranscriptDto']
export type Scene = Schemas['SceneDto']
export type TranscriptSource = Schemas['TranscriptSource']

/** The largest transcript the server accepts (`PUT` answers 413 above it). */
export const MAX_TRANSCRIPT_BYTES = 2 * 1024 * 1024

/**
 * Under the video's detail key, so that invalidating the video (done when it settles, see useLiveVideo) also
 * fetches its transcript again.
 */
export const transcriptKeys = {
  json: (id: string) => [...videoKeys.detail(id), 'transcript'] as const,
  vtt: (id: string) => [...videoKeys.detail(id), 'transcript', 'vtt'] as const,
}

/** Same-origin URLs: the session cookie goes along (the player's `<track>`, download links). */
export function transcriptUrl(id: string, format: 'vtt' | 'srt', version?: string | null): string {
  const base = `/api/v1/videos/${encodeURIComponent(id)}/transcript?format=${format}`
  // A new version after re-indexing, so the browser does not reuse the cached captions.
  return version ? `${base}&v=${encodeURIComponent(version)}` : base
}

/** `GET /videos/{id}/transcript`: lines and scenes (empty before processing; the pages ask only once the video is settled). */
export const transcriptQuery = (id: string) =>
  queryOptions({
    queryKey: transcriptKeys.json(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/videos/{id}/transcript', { params: { path: { id } }, signal })) as Promise<Transcript>,
  })

/**
 * `GET /videos/{id}/transcript?format=vtt` as text, for the editor. A 404 (no transcript yet) is left to the caller
 * (it starts from an empty document).
 */
export const transcriptVttQuery = (id: string) =>
  queryOptions({
    queryKey: transcriptKeys.vtt(id),
    queryFn: async ({ signal }) =>
      String(
        await unwrap(
          api.GET('/api/v1/videos/{id}/transcript', { params: { path: { id }, query: { format: 'vtt' } }, parseAs: 'text', signal }),
        ),
      ),
    staleTime: 0,
    gcTime: 0,
  })

/**
 * `PUT /videos/{id}/transcript` with a WebVTT body → 202 with the video, queued for re-splitting and re-indexing.
 * The cached video takes the new status, so the live progress follows at once.
 */
export function useSaveTranscript(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vtt: string) =>
      unwrap(
        api.PUT('/api/v1/videos/{id}/transcript', {
          params: { path: { id } },
          // The operation also accepts JSON segments, which openapi-fetch types the body by; this sends WebVTT text.
          body: vtt as never,
          headers: { 'Content-Type': 'text/vtt' },
          bodySerializer: (body: unknown) => body as string,
        }),
      ) as Promise<Video>,
    onSuccess: (video) => {
      updateCachedVideo(queryClient, id, () => video)
      queryClient.removeQueries({ queryKey: transcriptKeys.vtt(id), exact: true })
    },
  })
}

/**
 * A short fingerprint of the transcript's lines (FNV-1a over times and text): the captions URL carries it, so a
 * changed transcript (after an edit and re-indexing) gets a new `<track>` and the browser cannot reuse old captions.
 */
export function transcriptVersion(segments: Transcript['segments']): string {
  let hash = 0x811c9dc5
  const mix = (value: string) => {
    for (let i = 0; i < value.length; i++) {
      hash ^= value.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
  }
  for (const segment of segments) mix(`${segment.startMs}|${segment.endMs}|${segment.text}\n`)
  return `${segments.length.toString(36)}${(hash >>> 0).toString(36)}`
}

/** "m:ss", or "h:mm:ss" from an hour on (what video players show). */
export function formatTimecode(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** The scene playing at `ms`: the last one starting at or before it (gaps keep the previous one), if any. */
export function sceneAt(scenes: readonly Scene[], ms: number): Scene | undefined {
  let found: Scene | undefined
  for (const scene of scenes) {
    if (scene.startMs <= ms) found = scene
    else break
  }
  return found
}

/**
 * Turns SubRip into WebVTT (the editor works in WebVTT): a header, and `,` → `.` before the milliseconds of the
 * timings. Cue numbers stay (they are valid cue identifiers). WebVTT input is returned as is.
 */
export function toWebVtt(text: string): string {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  if (/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(normalized)) return normalized
  const body = normalized.replace(
    /^(\s*\d+:\d{2}:\d{2}),(\d{3}\s*-->\s*\d+:\d{2}:\d{2}),(\d{3})/gm,
    (_, start: string, middle: string, end: string) => `${start}.${middle}.${end}`,
  )
  return `WEBVTT\n\n${body.trimStart()}`
}
