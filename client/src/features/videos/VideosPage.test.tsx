import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { liveEvents, refuseNextStream } from '../../test/sse'
import { jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import { video, videosPage, videosRoute } from '../../test/videos'
import type { Video } from './queries'
import { expectNoAxeViolations } from '../../test/axe'

const tags = [
  { id: 't1', name: 'work', color: '#4f46e5', videoCount: 1, createdAt: '2026-01-01T00:00:00Z' },
  { id: 't2', name: 'family', color: '#16a34a', videoCount: 0, createdAt: '2026-01-01T00:00:00Z' },
]

function lastListQuery(fetch: ReturnType<typeof mockApi>): URLSearchParams {
  const list = requestsTo(fetch, 'GET /api/v1/videos')
  return new URL(list[list.length - 1]!.url).searchParams
}

describe('videos: list', () => {
  it('shows cards with status, duration and tags; filters update the URL and the request', async () => {
    withSessionCookie()
    const videos: Video[] = [
      video({ title: 'Quarterly review', status: 'ready', durationSeconds: 3723, tags: [{ id: 't1', name: 'work', color: '#4f46e5' }] }),
      video({ title: 'Holiday clip', status: 'queued' }),
    ]
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/videos': videosRoute(() => videos), 'GET /api/v1/tags': tags })
    const { user, router } = renderApp('/videos')

    const grid = await screen.findByTestId('videos-grid')
    const cards = within(grid).getAllByTestId('video-card')
    expect(cards).toHaveLength(2)
    expect(within(cards[0]!).getByRole('link', { name: 'Quarterly review' })).toHaveAttribute('href', `/videos/${videos[0]!.id}`)
    expect(within(cards[0]!).getByText('Ready')).toBeInTheDocument()
    expect(within(cards[0]!).getByText('1:02:03')).toBeInTheDocument()
    expect(within(cards[0]!).getByRole('button', { name: 'Show videos tagged work' })).toBeInTheDocument()
    expect(within(cards[1]!).getByText('Queued')).toBeInTheDocument()
    expect(within(cards[1]!).getByText('Waiting to be processed')).toBeInTheDocument()
    expect(screen.getByTestId('videos-summary')).toHaveTextContent('2 videos in your library.')
    expect(lastListQuery(fetch).get('sort')).toBe('createdAt_desc')
    expect(lastListQuery(fetch).get('pageSize')).toBe('12')
    await expectNoAxeViolations()

    // Search is debounced and goes to the URL, then to the API.
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'holiday')
    await waitFor(() => expect(router.state.location.search).toBe('?q=holiday'))
    await waitFor(() => expect(screen.getAllByTestId('video-card')).toHaveLength(1))
    expect(lastListQuery(fetch).get('q')).toBe('holiday')
    expect(requestsTo(fetch, 'GET /api/v1/videos').filter((r) => new URL(r.url).searchParams.get('q') === 'h')).toHaveLength(0)

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Queued')
    await waitFor(() => expect(router.state.location.search).toBe('?q=holiday&status=queued'))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'work (1)')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Title (A–Z)')
    await waitFor(() => expect(router.state.location.search).toBe('?q=holiday&status=queued&tag=work&sort=title_asc'))
    await waitFor(() => expect(lastListQuery(fetch).toString()).toBe('q=holiday&status=queued&tag=work&sort=title_asc&page=1&pageSize=12'))
  })

  it('reads the filters from the URL, and an empty result offers to clear them', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/videos': videosRoute(() => [video({ title: 'Only one' })]),
      'GET /api/v1/tags': tags,
    })
    const { user, router } = renderApp('/videos?q=nothing&status=failed')

    expect(await screen.findByRole('heading', { name: 'No videos match' })).toBeInTheDocument()
    expect(screen.getByText('No title or description contains “nothing” with these filters.')).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('nothing')
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('failed')
    expect(lastListQuery(fetch).get('status')).toBe('failed')
    expect(screen.queryByTestId('videos-empty')).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(await screen.findByRole('link', { name: 'Only one' })).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('')
  })

  it('filters by a tag from a card, and pages through the list', async () => {
    withSessionCookie()
    const many = Array.from({ length: 14 }, (_, i) => video({ title: `Clip ${String(i + 1).padStart(2, '0')}`, tags: [{ id: 't1', name: 'work', color: '#4f46e5' }] }))
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/videos': videosRoute(() => many), 'GET /api/v1/tags': tags })
    const { user, router } = renderApp('/videos')

    expect(await screen.findByText('Showing 1–12 of 14')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next' }))
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'))
    expect(await screen.findByText('Showing 13–14 of 14')).toBeInTheDocument()
    expect(lastListQuery(fetch).get('page')).toBe('2')

    await user.click(screen.getAllByRole('button', { name: 'Show videos tagged work' })[0]!)
    await waitFor(() => expect(router.state.location.search).toBe('?tag=work'))
    expect(lastListQuery(fetch).get('tag')).toBe('work')
  })

  it('a new user gets the empty state; "Add a sample video" adds a card', async () => {
    withSessionCookie()
    const videos: Video[] = []
    const sample = video({ title: 'AskVideo sample: how it works', hasSubtitles: true, tags: [{ id: 't9', name: 'sample', color: '#64748b' }] })
    let release: () => void = () => {}
    const fetch = mockApi({
      'GET /api/v1/me': me({ usage: { videoCount: 0, storageBytes: 0 } }),
      'GET /api/v1/videos': videosRoute(() => videos),
      'GET /api/v1/tags': [],
      'POST /api/v1/videos/sample': () =>
        new Promise<Response>((resolve) => {
          release = () => {
            videos.push(sample)
            resolve(jsonResponse(sample, { status: 201 }))
          }
        }),
    })
    const { user } = renderApp('/videos')

    const empty = await screen.findByTestId('videos-empty')
    expect(within(empty).getByRole('heading', { name: 'Your video library is empty' })).toBeInTheDocument()
    expect(within(empty).getByRole('button', { name: 'Upload a video' })).toBeInTheDocument()
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument()
    await expectNoAxeViolations()

    await user.click(within(empty).getByRole('button', { name: 'Add a sample video' }))
    const busy = within(empty).getByRole('button', { name: 'Adding the sample…' })
    expect(busy).toBeDisabled()
    expect(busy).toHaveAttribute('aria-busy', 'true')
    release()

    const card = await screen.findByTestId('video-card')
    expect(within(card).getByRole('link', { name: 'AskVideo sample: how it works' })).toBeInTheDocument()
    expect(within(card).getByText('Queued')).toBeInTheDocument()
    expect(screen.queryByTestId('videos-empty')).not.toBeInTheDocument()
    expect(await screen.findByText('The sample video was added to your library.')).toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/videos/sample')[0]!.headers.get('X-CSRF-Token')).toBe('csrf-1')
  })

  it('explains a failed sample', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/videos': videosPage([]),
      'POST /api/v1/videos/sample': () => problemResponse({
        title: 'Forbidden',
        status: 403,
        code: 'video_limit_reached',
        detail: 'You have reached your limit of 3 videos.',
      }),
    })
    const { user } = renderApp('/videos')
    await user.click(await screen.findByRole('button', { name: 'Add a sample video' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not add the sample videoYou have reached your video limit. Delete some videos or ask an administrator to raise the limit.',
    )
  })

  it('shows skeletons while loading, and an error with Retry', async () => {
    withSessionCookie()
    let fail = true
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/tags': [],
      'GET /api/v1/videos': () =>
        fail
          ? problemResponse({ title: 'Internal Server Error', status: 500, detail: 'Database unavailable.' })
          : jsonResponse(videosPage([video({ title: 'Back again' })])),
    })
    const { user } = renderApp('/videos')
    expect(await screen.findByTestId('videos-loading')).toBeInTheDocument()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load your videos')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('link', { name: 'Back again' })).toBeInTheDocument()
  })

  it('live progress: status events over SSE update the card, and the stream closes when the video is ready', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const clip = video({ title: 'Team call', status: 'queued', durationSeconds: null })
    let current = clip
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/tags': [],
      'GET /api/v1/videos': () => jsonResponse(videosPage([current])),
    })
    renderApp('/videos')

    const card = await screen.findByTestId('video-card')
    expect(within(card).getByText('Waiting to be processed')).toBeInTheDocument()
    const [stream] = EventSource.for('/api/v1/videos/events')
    expect(stream).toBeDefined()

    stream!.emit('status', { videoId: clip.id, status: 'processing', stage: 'transcribing', progress: 42, at: '2026-03-01T10:01:00Z' })
    expect(await within(card).findByText('Processing')).toBeInTheDocument()
    expect(within(card).getByText('Transcribing the speech')).toBeInTheDocument()
    expect(within(card).getByRole('progressbar', { name: 'Processing of Team call' })).toHaveAttribute('aria-valuenow', '42')
    expect(within(card).queryByText('Waiting to be processed')).not.toBeInTheDocument()

    const live = () => EventSource.for('/api/v1/videos/events').find((s) => !s.closed)!
    live().emit('status', { videoId: clip.id, status: 'processing', stage: 'indexing', progress: 90 })
    expect(await within(card).findByText('Indexing for search')).toBeInTheDocument()
    expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '90')

    // Ready: the stream closes and the video is fetched again for what processing found.
    const before = requestsTo(fetch, 'GET /api/v1/videos').length
    current = { ...clip, status: 'ready', progress: 100, durationSeconds: 61 }
    live().emit('status', { videoId: clip.id, status: 'ready', stage: null, progress: 100 })
    expect(await within(card).findByText('Ready')).toBeInTheDocument()
    await waitFor(() => expect(EventSource.for('/api/v1/videos/events').every((s) => s.closed)).toBe(true))
    await waitFor(() => expect(requestsTo(fetch, 'GET /api/v1/videos').length).toBeGreaterThan(before))
    expect(await within(card).findByText('1:01')).toBeInTheDocument()
  })

  it('a failed event shows the error on the card', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const clip = video({ title: 'Broken', status: 'processing', stage: 'transcribing', progress: 10 })
    let current = clip
    mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/tags': [], 'GET /api/v1/videos': () => jsonResponse(videosPage([current])) })
    renderApp('/videos')
    const card = await screen.findByTestId('video-card')
    current = { ...clip, status: 'failed', error: { code: 'transcription_failed', message: 'The audio could not be transcribed.' } }
    EventSource.for('/api/v1/videos/events')[0]!.emit('status', {
      videoId: clip.id,
      status: 'failed',
      progress: 10,
      errorCode: 'transcription_failed',
      errorMessage: 'The audio could not be transcribed.',
    })
    expect(await within(card).findByText('Failed')).toBeInTheDocument()
    // The code in the UI language, not the server's English message.
    expect(within(card).getByText('Speech recognition failed.')).toBeInTheDocument()
    expect(within(card).queryByText('The audio could not be transcribed.')).not.toBeInTheDocument()
  })

  it('a refused stream (e.g. an expired session) fetches the video through the API client, then reconnects', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const clip = video({ title: 'Night shift', status: 'queued' })
    let refreshed = false
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/tags': [],
      'GET /api/v1/videos': videosPage([clip]),
      [`GET /api/v1/videos/${clip.id}`]: () =>
        refreshed
          ? jsonResponse({ ...clip, status: 'processing', stage: 'transcribing', progress: 5 })
          : problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }),
      'POST /api/v1/auth/refresh': () => {
        refreshed = true
        return new Response(null, { status: 200 })
      },
    })
    // The first connection is refused (401): the EventSource fails for good.
    const url = '/api/v1/videos/events'
    refuseNextStream(url)
    renderApp('/videos')
    const card = await screen.findByTestId('video-card')

    // The GET got a 401, the client renewed the session and retried: the card caught up.
    expect(await within(card).findByText('Transcribing the speech')).toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(1)
    // A new stream follows after a short backoff.
    await waitFor(() => expect(EventSource.for(url).filter((s) => !s.closed)).toHaveLength(1), { timeout: 3000 })
  })

  it('follows every unfinished card over one library stream, and catches up when it (re)connects', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const queued = [video({ status: 'queued' }), video({ status: 'queued' }), video({ status: 'queued' })]
    const busy = video({ status: 'processing', stage: 'splitting', progress: 50 })
    const settled = video({ status: 'ready' })
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/tags': [],
      'GET /api/v1/videos': videosPage([...queued, busy, settled]),
      [`GET /api/v1/videos/${busy.id}`]: { ...busy, progress: 80 },
      ...Object.fromEntries(queued.map((q) => [`GET /api/v1/videos/${q.id}`, q])),
    })
    renderApp('/videos')
    await screen.findByTestId('videos-grid')
    await waitFor(() => expect(EventSource.instances.filter((s) => !s.closed)).toHaveLength(1))
    const [library] = EventSource.instances.filter((s) => !s.closed)
    expect(library!.url).toBe('/api/v1/videos/events')

    library!.emit('ready', {})
    await waitFor(() => expect(requestsTo(fetch, `GET /api/v1/videos/${busy.id}`)).toHaveLength(1))
    expect(requestsTo(fetch, `GET /api/v1/videos/${settled.id}`)).toHaveLength(0)
    expect(await screen.findByRole('progressbar', { name: /Processing of/ })).toHaveAttribute('aria-valuenow', '80')
  })
})
