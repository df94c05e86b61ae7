import type { Group, GroupSummary, GroupVideo, SharedGroup } from '../features/groups/queries'

let counter = 0

/** A member of a group as the owner sees it (URLs under /videos/{id}). */
export function groupVideo(overrides: Partial<GroupVideo> = {}): GroupVideo {
  counter++
  const id = overrides.id ?? `0000000${counter % 10}-bbbb-4bbb-8bbb-${String(counter).padStart(12, '0')}`
  return {
    id,
    title: `Member ${counter}`,
    durationSeconds: 65,
    status: 'ready',
    error: null,
    thumbnailUrl: null,
    mediaUrl: `/api/v1/videos/${id}/media`,
    transcriptUrl: `/api/v1/videos/${id}/transcript`,
    ...overrides,
  }
}

/** The same member as a guest of share `token` sees it. */
export function sharedVideo(token: string, overrides: Partial<GroupVideo> = {}): GroupVideo {
  const base = groupVideo(overrides)
  return {
    ...base,
    mediaUrl: `/api/v1/shared/${token}/videos/${base.id}/media`,
    transcriptUrl: `/api/v1/shared/${token}/videos/${base.id}/transcript`,
    ...overrides,
  }
}

export function group(overrides: Partial<Group> = {}): Group {
  counter++
  return {
    id: overrides.id ?? `0000000${counter % 10}-cccc-4ccc-8ccc-${String(counter).padStart(12, '0')}`,
    name: `Group ${counter}`,
    description: null,
    videos: [],
    share: null,
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  }
}

export function groupSummary(g: Group): GroupSummary {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    videoCount: g.videos.length,
    isShared: g.share !== null,
    thumbnailUrl: g.videos[0]?.thumbnailUrl ?? null,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  }
}

export function sharedGroup(g: Pick<Group, 'name' | 'description' | 'videos'>): SharedGroup {
  return { name: g.name, description: g.description, videos: g.videos }
}
