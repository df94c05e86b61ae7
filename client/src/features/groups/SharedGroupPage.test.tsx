import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { sharedGroup, sharedVideo } from '../../test/groups'
import { mockApi, problemResponse, sentRequests } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import type { Transcript } from '../videos/transcript/queries'

const TOKEN = 'aBc123_shared'

function transcript(videoId: string): Transcript {
  return {
    videoId,
    language: 'en',
    source: 'subtitles',
    segments: [
      { startMs: 0, endMs: 4000, text: 'Welcome to the tour.' },
      { startMs: 4000, endMs: 9000, text: 'Here is the kitchen.' },
    ],
    scenes: [
      { id: 's1', startMs: 0, endMs: 4000, text: 'Welcome to the tour.' },
      { id: 's2', startMs: 4000, endMs: 9000, text: 'Here is the kitchen.' },
    ],
  } as Transcript
}

function sharedApi() {
  const first = sharedVideo(TOKEN, { title: 'Tour, part 1', durationSeconds: 9 })
  const second = sharedVideo(TOKEN, { title: 'Tour, part 2', status: 'processing' })
  const fetch = mockApi({
    [`GET /api/v1/shared/${TOKEN}`]: sharedGroup({ name: 'Office tour', description: 'For new colleagues.', videos: [first, second] }),
    [`GET /api/v1/shared/${TOKEN}/videos/${first.id}/transcript`]: transcript(first.id),
    // A signed-in visitor's session must never be asked for.
    'GET /api/v1/me': me(),
  })
  return { fetch, first, second }
}

describe('shared view', () => {
  it('shows the group, its videos in order, the player with captions and the scenes', async () => {
    const { fetch, first, second } = sharedApi()
    const { user } = renderApp(`/share/${TOKEN}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Office tour' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Office tour · AskVideo'))
    expect(screen.getByText('For new colleagues.')).toBeInTheDocument()
    const list = screen.getByRole('list', { name: 'Videos, in order' })
    expect(within(list).getAllByTestId('member-title').map((t) => t.textContent)).toEqual(['Tour, part 1', 'Tour, part 2'])
    expect(screen.getByTestId('powered-by')).toHaveTextContent('Powered by AskVideo')
    // No app navigation or account menu: this is not the signed-in app.
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument()

    const player = screen.getByTestId('video-player')
    expect(player).toHaveAttribute('src', `/api/v1/shared/${TOKEN}/videos/${first.id}/media`)
    const scenes = await screen.findAllByTestId('scene')
    expect(scenes).toHaveLength(2)
    const track = player.querySelector('track')
    expect(track).not.toBeNull()
    expect(track!.getAttribute('src')).toMatch(new RegExp(`^/api/v1/shared/${TOKEN}/videos/${first.id}/transcript\\?format=vtt&v=`))
    expect(track).toHaveAttribute('kind', 'captions')

    await user.click(within(list).getAllByTestId('member-select')[1]!)
    expect(screen.getByTestId('video-player')).toHaveAttribute('src', `/api/v1/shared/${TOKEN}/videos/${second.id}/media`)

    // Only the public endpoints were called (no /me, no refresh, nothing else): the share link's and the public
    // configuration (the chat panel reads which answerer is active).
    for (const request of sentRequests(fetch)) {
      const path = new URL(request.url).pathname
      expect(path.startsWith(`/api/v1/shared/${TOKEN}`) || path === '/api/v1/config/frontend', request.url).toBe(true)
      expect(request.method).toBe('GET')
    }
  })

  it('says why a member failed, translated from its error code', async () => {
    const ok = sharedVideo(TOKEN, { title: 'Fine' })
    const broken = sharedVideo(TOKEN, {
      title: 'Broken',
      status: 'failed',
      error: { code: 'no_transcript_source', message: 'This video could not be processed.' },
    })
    mockApi({
      [`GET /api/v1/shared/${TOKEN}`]: sharedGroup({ name: 'Mixed', description: null, videos: [ok, broken] }),
      [`GET /api/v1/shared/${TOKEN}/videos/${ok.id}/transcript`]: transcript(ok.id),
    })
    renderApp(`/ja/share/${TOKEN}`)

    const rows = await screen.findAllByTestId('group-member')
    expect(within(rows[1]!).getByTestId('member-failure')).toHaveTextContent('文字起こしの元がありませんでした（字幕も音声認識もありません）。')
    expect(within(rows[0]!).queryByTestId('member-failure')).not.toBeInTheDocument()
  })

  it('says there is nothing to ask about when no member could be processed', async () => {
    const broken = sharedVideo(TOKEN, { title: 'Broken', status: 'failed', error: { code: 'no_transcript_source', message: 'This video could not be processed.' } })
    mockApi({ [`GET /api/v1/shared/${TOKEN}`]: sharedGroup({ name: 'Nothing yet', description: null, videos: [broken] }) })
    renderApp(`/share/${TOKEN}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Nothing yet' })).toBeInTheDocument()
    expect(screen.getByTestId('chat-unavailable')).toHaveTextContent('None of these videos could be processed, so there is nothing to ask about yet.')
    expect(screen.queryByTestId('chat-input')).not.toBeInTheDocument()
  })

  it('never calls authenticated endpoints, even for a signed-in user', async () => {
    withSessionCookie()
    const { fetch } = sharedApi()
    renderApp(`/ja/share/${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Office tour' })).toBeInTheDocument()
    expect(screen.getByText('あなたと共有されています')).toBeInTheDocument()
    await screen.findAllByTestId('scene')
    const paths = sentRequests(fetch).map((r) => new URL(r.url).pathname)
    expect(paths.length).toBeGreaterThan(0)
    expect(paths.every((p) => p.startsWith('/api/v1/shared/') || p === '/api/v1/config/frontend')).toBe(true)
  })

  it('explains a revoked or unknown link', async () => {
    mockApi({
      [`GET /api/v1/shared/${TOKEN}`]: () =>
        problemResponse({ title: 'Not Found', status: 404, code: 'not_found', detail: 'This share link does not exist.' }),
    })
    renderApp(`/share/${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'This link doesn’t work anymore' })).toBeInTheDocument()
    expect(screen.getByText('It may have been revoked. Ask the person who shared it for a new one.')).toBeInTheDocument()
  })

  it('explains a rate limit with the wait', async () => {
    mockApi({
      [`GET /api/v1/shared/${TOKEN}`]: () =>
        problemResponse({ title: 'Too Many Requests', status: 429, code: 'rate_limited' }, { 'Retry-After': '30' }),
    })
    renderApp(`/share/${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Too many requests' })).toBeInTheDocument()
    expect(screen.getByText(/Too many requests — try again in (30|29) seconds\./)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeDisabled()
  })

  it('shows an empty group', async () => {
    mockApi({ [`GET /api/v1/shared/${TOKEN}`]: sharedGroup({ name: 'Nothing yet', description: null, videos: [] }) })
    renderApp(`/share/${TOKEN}`)
    expect(await screen.findByRole('heading', { level: 1, name: 'Nothing yet' })).toBeInTheDocument()
    expect(screen.getAllByText('There are no videos in this group yet.').length).toBeGreaterThan(0)
  })
})
