import type { Video, VideosPage } from '../features/videos/queries'
import type { Transcript } from '../features/videos/transcript/queries'
import { jsonResponse, mockApi, problemResponse, type ApiRoute } from './http'
import { me } from './session'

let counter = 0

/** A video as `GET /api/v1/videos/{id}` returns it (queued, not processed yet, unless overridden). */
export function video(overrides: Partial<Video> = {}): Video {
  counter++
  const id = overrides.id ?? `0000000${counter % 10}-aaaa-4aaa-8aaa-${String(counter).padStart(12, '0')}`
  return {
    id,
    title: `Video ${counter}`,
    description: null,
    status: 'queued',
    stage: null,
    progress: 0,
    error: null,
    originalFileName: `video-${counter}.mp4`,
    contentType: 'video/mp4',
    sizeBytes: 5 * 1024 ** 2,
    durationSeconds: 95,
    width: 1280,
    height: 720,
    language: null,
    hasSubtitles: false,
    tags: [],
    groups: [],
    mediaUrl: `/api/v1/videos/${id}/media`,
    thumbnailUrl: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    processedAt: null,
    ...overrides,
  }
}

export function videosPage(items: Video[], overrides: Partial<VideosPage> = {}): VideosPage {
  return { items, page: 1, pageSize: 12, totalCount: items.length, ...overrides }
}

/** A `GET /api/v1/videos` handler over a mutable list (filtered by q and status, paged). */
export function videosRoute(list: () => Video[]) {
  return (request: Request) => {
    const params = new URL(request.url).searchParams
    const q = params.get('q')?.toLowerCase()
    const status = params.get('status')
    const page = Number(params.get('page') ?? 1)
    const pageSize = Number(params.get('pageSize') ?? 12)
    const all = list().filter((v) => (!q || v.title.toLowerCase().includes(q)) && (!status || v.status === status))
    return jsonResponse(videosPage(all.slice((page - 1) * pageSize, page * pageSize), { page, pageSize, totalCount: all.length }))
  }
}

/** An empty transcript, as the server answers before a video is processed. */
export function emptyTranscript(videoId: string): Transcript {
  return { videoId, language: null, source: null, segments: [], scenes: [] }
}

/**
 * Serves a video's detail page over a mutable video: GET/PATCH/DELETE, reprocess, the list, tags, and an empty
 * transcript (override any route with `extra`).
 */
export function detailApi(initial: Video, extra: Record<string, ApiRoute> = {}) {
  let current: Video | undefined = initial
  const path = `/api/v1/videos/${initial.id}`
  const fetch = mockApi({
    'GET /api/v1/me': me(),
    'GET /api/v1/tags': [{ id: 't1', name: 'work', color: '#4f46e5', videoCount: 1, createdAt: '2026-01-01T00:00:00Z' }],
    'GET /api/v1/videos': videosRoute(() => (current ? [current] : [])),
    [`GET ${path}`]: () =>
      current ? jsonResponse(current) : problemResponse({ title: 'Not Found', status: 404, code: 'not_found', detail: 'Video not found.' }),
    [`DELETE ${path}`]: () => {
      current = undefined
      return new Response(null, { status: 204 })
    },
    [`POST ${path}/reprocess`]: () => {
      current = { ...current!, status: 'queued', error: null, progress: 0 }
      return jsonResponse(current, { status: 202 })
    },
    [`PATCH ${path}`]: async (request: Request) => {
      const body = (await request.json()) as { title: string; description: string; tags: string[] }
      current = {
        ...current!,
        title: body.title,
        description: body.description,
        tags: body.tags.map((name, i) => ({ id: `t${i + 1}`, name, color: '#4f46e5' })),
      }
      return jsonResponse(current)
    },
    [`GET ${path}/transcript`]: (request: Request) =>
      new URL(request.url).searchParams.get('format')
        ? problemResponse({ title: 'Not Found', status: 404, code: 'not_found', detail: 'This video has no transcript yet.' })
        : jsonResponse(emptyTranscript(initial.id)),
    ...extra,
  })
  return {
    fetch,
    path,
    current: () => current,
    set: (video: Video) => {
      current = video
    },
  }
}
