import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import { group, groupSummary, groupVideo } from '../../test/groups'
import { video, videosPage } from '../../test/videos'

describe('home dashboard', () => {
  it('greets a signed-in user with their usage and where to start', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me({ usage: { videoCount: 0, storageBytes: 0 }, limits: { videoLimit: null, maxUploadBytes: 2 * 1024 ** 3 } }),
      'GET /api/v1/videos': videosPage([]),
      'GET /api/v1/groups': { items: [], page: 1, pageSize: 3, totalCount: 0 },
    })
    renderApp('/')

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back, alice' })).toBeInTheDocument()
    expect(screen.queryByTestId('landing')).not.toBeInTheDocument()
    expect(screen.getByTestId('usage-videos')).toHaveTextContent('0')
    expect(screen.getByText('No limit on the number of videos.')).toBeInTheDocument()
    expect(screen.getByTestId('usage-upload-limit')).toHaveTextContent('2 GB')
    expect(screen.getByRole('link', { name: 'Go to Videos' })).toHaveAttribute('href', '/videos')
    expect(await screen.findByRole('heading', { name: 'Upload your first video' })).toBeInTheDocument()
    // No group yet: what groups are for.
    expect(await screen.findByRole('heading', { name: 'Group videos and share them' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Go to Groups' })).toHaveAttribute('href', '/groups')
    const nav = screen.getByRole('navigation', { name: 'Main' })
    expect(within(nav).getByRole('link', { name: 'Groups' })).toHaveAttribute('href', '/groups')
    expect(within(nav).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
  })

  it('shows the video limit as "used of limit"', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me({ isAdmin: true }) })
    renderApp('/')
    expect(await screen.findByTestId('usage-videos')).toHaveTextContent('3 of 10')
    expect(screen.getByRole('meter', { name: 'Videos' })).toHaveAttribute('aria-valuenow', '3')
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Admin' })).toBeInTheDocument()
  })

  it('signs out from the user menu and shows the landing page', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'POST /api/v1/auth/logout': () => {
        document.cookie = 'csrf_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
        return new Response(null, { status: 204 })
      },
    })
    const { user } = renderApp('/settings')

    await user.click(await screen.findByRole('button', { name: 'Account menu for alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))

    expect(await screen.findByTestId('landing')).toBeInTheDocument()
    expect(screen.getByText('You are signed out.')).toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/auth/logout')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-1')
  })

  it('lists the newest videos with their status', async () => {
    withSessionCookie()
    const recent = [
      video({ title: 'Processing now', status: 'processing', stage: 'indexing', progress: 80 }),
      video({ title: 'All done', status: 'ready', durationSeconds: 75 }),
      video({ title: 'Broken upload', status: 'failed' }),
    ]
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/videos': videosPage(recent, { pageSize: 4, totalCount: 9 }) })
    renderApp('/')

    const list = await screen.findByTestId('recent-videos')
    const items = within(list).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    expect(within(items[0]!).getByRole('link', { name: 'Processing now' })).toHaveAttribute('href', `/videos/${recent[0]!.id}`)
    expect(items[0]).toHaveTextContent('Processing80%')
    expect(items[1]).toHaveTextContent('Ready1:15')
    expect(items[2]).toHaveTextContent('Failed')
    expect(screen.getByTestId('home-videos-summary')).toHaveTextContent('9 videos. The newest:')
    expect(screen.getByRole('heading', { name: 'Your library' })).toBeInTheDocument()
    const [request] = requestsTo(fetch, 'GET /api/v1/videos')
    expect(new URL(request!.url).searchParams.get('pageSize')).toBe('4')
  })

  it('lists the newest groups with their size and whether they are shared', async () => {
    withSessionCookie()
    const groups = [
      groupSummary(group({ name: 'Launch', videos: [groupVideo(), groupVideo()], share: { shareToken: 't', url: 'https://ask.example/share/t', sharedAt: '2026-03-02T10:00:00Z' } })),
      groupSummary(group({ name: 'Drafts', videos: [groupVideo()] })),
    ]
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/videos': videosPage([video()]),
      'GET /api/v1/groups': { items: groups, page: 1, pageSize: 3, totalCount: 5 },
    })
    renderApp('/')

    const list = await screen.findByTestId('recent-groups')
    const items = within(list).getAllByRole('listitem')
    expect(within(items[0]!).getByRole('link', { name: 'Launch' })).toHaveAttribute('href', `/groups/${groups[0]!.id}`)
    expect(items[0]).toHaveTextContent('2 videosShared')
    expect(items[1]).toHaveTextContent('1 video')
    expect(items[1]).not.toHaveTextContent('Shared')
    expect(screen.getByTestId('home-groups-summary')).toHaveTextContent('5 groups. The newest:')
    expect(screen.queryByRole('heading', { name: 'Group videos and share them' })).not.toBeInTheDocument()
    expect(new URL(requestsTo(fetch, 'GET /api/v1/groups')[0]!.url).searchParams.get('pageSize')).toBe('3')
  })

  it('leads Groups to the groups page', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/groups': { items: [], page: 1, pageSize: 12, totalCount: 0 } })
    renderApp('/ja/groups')
    expect(await screen.findByRole('heading', { level: 1, name: 'グループ' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'グループはまだありません' })).toBeInTheDocument()
  })
})
