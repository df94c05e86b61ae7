import type { Video, VideosPage } from '../features/videos/queries'
import { jsonResponse } from './http'

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
