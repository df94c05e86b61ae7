import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { group, groupVideo } from '../../test/groups'
import { jsonResponse, mockApi, problemResponse, requestsTo, type ApiRoute } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import { emptyTranscript, video, videosRoute } from '../../test/videos'
import type { Group, GroupShare } from './queries'
import { expectNoAxeViolations } from '../../test/axe'

/** Serves one group (mutable) with its member, order and share endpoints. */
function groupApi(initial: Group, extra: Record<string, ApiRoute> = {}) {
  let current = initial
  const path = `/api/v1/groups/${initial.id}`
  let shares = 0
  const newShare = (): GroupShare => {
    shares++
    return { shareToken: `token-${shares}`, url: `https://ask.example/share/token-${shares}`, sharedAt: '2026-03-02T10:00:00Z' }
  }
  const library = [video({ title: 'Library one', status: 'ready' }), video({ title: 'Library two', status: 'ready' })]
  const routes: Record<string, ApiRoute> = {
    'GET /api/v1/me': me(),
    'GET /api/v1/videos': videosRoute(() => library),
    [`GET ${path}`]: () => jsonResponse(current),
    [`PUT ${path}/order`]: async (request: Request) => {
      const { videoIds } = (await request.json()) as { videoIds: string[] }
      current = { ...current, videos: videoIds.map((id) => current.videos.find((v) => v.id === id)!) }
      return jsonResponse(current)
    },
    [`POST ${path}/share`]: () => {
      const share = newShare()
      current = { ...current, share }
      return jsonResponse(share)
    },
    [`DELETE ${path}/share`]: () => {
      current = { ...current, share: null }
      return new Response(null, { status: 204 })
    },
    ...extra,
  }
  for (const member of initial.videos) {
    routes[`GET /api/v1/videos/${member.id}/transcript`] = emptyTranscript(member.id)
    routes[`DELETE ${path}/videos/${member.id}`] = () => {
      current = { ...current, videos: current.videos.filter((v) => v.id !== member.id) }
      return new Response(null, { status: 204 })
    }
  }
  const fetch = mockApi(routes)
  return { fetch, path, library, current: () => current }
}

/**
 * jsdom lays nothing out. Give each member row a box by its place in the list, so dnd-kit's keyboard sensor finds
 * the row below (it moves by measured positions, as in a browser).
 */
function layOutMembers() {
  const original = Element.prototype.getBoundingClientRect
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const row = this.closest('[data-testid="group-member"]')
    if (row && (this === row || this.getAttribute('data-testid') === 'drag-handle')) {
      const index = [...row.parentElement!.children].indexOf(row)
      const top = index * 80 + (this === row ? 0 : 20)
      const height = this === row ? 72 : 40
      return { x: 0, y: top, top, left: 0, right: 400, bottom: top + height, width: 400, height, toJSON: () => ({}) }
    }
    return original.call(this)
  })
}

describe('groups: detail', () => {
  beforeEach(() => withSessionCookie())
  afterEach(() => vi.restoreAllMocks())

  it('shows the group, its members and the first one in the player', async () => {
    const a = groupVideo({ title: 'Kickoff', durationSeconds: 125 })
    const b = groupVideo({ title: 'Demo', status: 'processing' })
    const g = group({ name: 'Launch', description: 'All launch videos.', videos: [a, b] })
    groupApi(g)
    const { user } = renderApp(`/groups/${g.id}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Launch' })).toBeInTheDocument()
    expect(screen.getByText('All launch videos.')).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Launch · AskVideo'))
    const list = screen.getByRole('list', { name: 'Videos in this group, in order' })
    const rows = within(list).getAllByTestId('group-member')
    expect(rows.map((r) => within(r).getByTestId('member-title').textContent)).toEqual(['Kickoff', 'Demo'])
    expect(within(rows[0]!).getByText('2:05')).toBeInTheDocument()
    expect(within(rows[1]!).getByTestId('video-status')).toHaveTextContent('Processing')

    const player = screen.getByTestId('video-player')
    expect(player).toHaveAttribute('src', `/api/v1/videos/${a.id}/media`)
    expect(within(rows[0]!).getByTestId('member-select')).toHaveAttribute('aria-current', 'true')
    await expectNoAxeViolations()

    await user.click(within(rows[1]!).getByTestId('member-select'))
    expect(screen.getByTestId('video-player')).toHaveAttribute('src', `/api/v1/videos/${b.id}/media`)
    expect(screen.getByTestId('transcript-not-ready')).toHaveTextContent('still being processed')
  })

  it.each([
    ['no video', [], 'Add videos to this group to ask questions about them.'],
    ['videos still being processed', [groupVideo({ status: 'queued' }), groupVideo({ status: 'failed' })], 'You can ask questions once one of these videos has been processed.'],
    ['only failed videos', [groupVideo({ status: 'failed' })], 'None of these videos could be processed, so there is nothing to ask about yet.'],
  ])('says why nothing can be asked yet, instead of the chat, with %s', async (_case, videos, reason) => {
    const g = group({ name: 'Not yet', videos })
    groupApi(g)
    renderApp(`/groups/${g.id}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Not yet' })).toBeInTheDocument()
    expect(screen.getByTestId('chat-unavailable')).toHaveTextContent(reason)
    expect(screen.queryByTestId('chat-input')).not.toBeInTheDocument()
    // The history and analytics of earlier questions stay reachable.
    expect(screen.getByRole('tab', { name: 'History' })).toBeInTheDocument()
  })

  it('offers the chat once one member is ready, whatever the others are', async () => {
    const g = group({ name: 'Mixed', videos: [groupVideo({ status: 'failed' }), groupVideo({ status: 'ready' }), groupVideo({ status: 'processing' })] })
    groupApi(g)
    renderApp(`/groups/${g.id}`)

    expect(await screen.findByTestId('chat-input')).toBeInTheDocument()
    expect(screen.queryByTestId('chat-unavailable')).not.toBeInTheDocument()
  })

  it('reorders with the keyboard and sends PUT order with the new ids', async () => {
    const a = groupVideo({ title: 'First' })
    const b = groupVideo({ title: 'Second' })
    const c = groupVideo({ title: 'Third' })
    const g = group({ videos: [a, b, c] })
    const { fetch, path } = groupApi(g)
    layOutMembers()
    const { user } = renderApp(`/groups/${g.id}`)

    const handle = await screen.findByRole('button', { name: 'Reorder First' })
    expect(handle).toHaveAttribute('aria-roledescription', 'sortable')
    handle.focus()
    await user.keyboard(' ')
    await user.keyboard('{ArrowDown}')
    await user.keyboard(' ')

    await waitFor(() => expect(requestsTo(fetch, `PUT ${path}/order`)).toHaveLength(1))
    const [put] = requestsTo(fetch, `PUT ${path}/order`)
    expect(await put!.json()).toEqual({ videoIds: [b.id, a.id, c.id] })
    expect(put!.headers.get('X-CSRF-Token')).toBe('csrf-1')
    await waitFor(() =>
      expect(screen.getAllByTestId('member-title').map((t) => t.textContent)).toEqual(['Second', 'First', 'Third']),
    )
  })

  it('rolls a refused reorder back and says so', async () => {
    const a = groupVideo({ title: 'First' })
    const b = groupVideo({ title: 'Second' })
    const g = group({ videos: [a, b] })
    groupApi(g, {
      [`PUT /api/v1/groups/${g.id}/order`]: () =>
        problemResponse({ title: 'Bad Request', status: 400, detail: 'The ids must be exactly the members.' }),
    })
    layOutMembers()
    const { user } = renderApp(`/groups/${g.id}`)

    const handle = await screen.findByRole('button', { name: 'Reorder First' })
    handle.focus()
    await user.keyboard(' ')
    await user.keyboard('{ArrowDown}')
    await user.keyboard(' ')

    expect(await screen.findByText(/The new order could not be saved, so it was undone\./)).toBeInTheDocument()
    await waitFor(() => expect(screen.getAllByTestId('member-title').map((t) => t.textContent)).toEqual(['First', 'Second']))
  })

  it('removes a member', async () => {
    const a = groupVideo({ title: 'Keep me' })
    const b = groupVideo({ title: 'Drop me' })
    const g = group({ videos: [a, b] })
    const { fetch, path } = groupApi(g)
    const { user } = renderApp(`/groups/${g.id}`)

    await user.click(await screen.findByRole('button', { name: 'Remove Drop me from the group' }))
    expect(await screen.findByText('“Drop me” was removed from the group. The video is still in your library.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getAllByTestId('member-title').map((t) => t.textContent)).toEqual(['Keep me']))
    const [removal] = requestsTo(fetch, `DELETE ${path}/videos/${b.id}`)
    expect(removal!.headers.get('X-CSRF-Token')).toBe('csrf-1')
  })

  it('creates, rotates and revokes the share link', async () => {
    const g = group({ name: 'Open house', videos: [groupVideo()] })
    const { fetch, path } = groupApi(g)
    const { user } = renderApp(`/groups/${g.id}`)

    const panel = await screen.findByTestId('share-panel')
    expect(panel).toHaveTextContent('Anyone with the link can watch these videos and ask questions about them')
    expect(within(panel).getByTestId('share-none')).toHaveTextContent('This group is not shared.')
    await user.click(within(panel).getByRole('button', { name: 'Create share link' }))
    const url = await within(panel).findByRole('textbox', { name: 'Share link' })
    expect(url).toHaveValue('https://ask.example/share/token-1')
    expect(url).toHaveAttribute('readonly')
    expect(within(panel).getByRole('button', { name: 'Copy link' })).toBeInTheDocument()
    expect(requestsTo(fetch, `POST ${path}/share`)).toHaveLength(1)

    // Rotate: confirmation first (the old link stops working), then the new URL.
    await user.click(within(panel).getByRole('button', { name: 'Rotate link' }))
    const rotate = screen.getByRole('alertdialog', { name: 'Rotate the share link?' })
    expect(rotate).toHaveTextContent('The old link stops working at once')
    expect(within(rotate).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(rotate).getByRole('button', { name: 'Rotate link' }))
    await waitFor(() => expect(within(panel).getByRole('textbox', { name: 'Share link' })).toHaveValue('https://ask.example/share/token-2'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(requestsTo(fetch, `POST ${path}/share`)).toHaveLength(2)

    // Revoke.
    await user.click(within(panel).getByRole('button', { name: 'Revoke' }))
    const revoke = screen.getByRole('alertdialog', { name: 'Revoke the share link?' })
    await user.click(within(revoke).getByRole('button', { name: 'Revoke link' }))
    expect(await within(panel).findByTestId('share-none')).toBeInTheDocument()
    expect(requestsTo(fetch, `DELETE ${path}/share`)).toHaveLength(1)
    expect(screen.getByText('The share link was revoked.')).toBeInTheDocument()
  })

  it('adds videos from the library and reports the ones skipped', async () => {
    const member = groupVideo({ title: 'Already here' })
    const g = group({ videos: [member] })
    const library = [
      video({ id: member.id, title: 'Already here', status: 'ready' }),
      video({ title: 'New one', status: 'ready' }),
      video({ title: 'New two', status: 'queued' }),
      video({ title: 'New three', status: 'ready' }),
    ]
    const { fetch, path } = groupApi(g, {
      'GET /api/v1/videos': videosRoute(() => library),
      [`POST /api/v1/groups/${g.id}/videos`]: async (request: Request) => {
        const { videoIds } = (await request.json()) as { videoIds: string[] }
        return jsonResponse({ added: videoIds.slice(0, 2), skipped: videoIds.slice(2) })
      },
    })
    const { user } = renderApp(`/groups/${g.id}`)

    await user.click(await screen.findByRole('button', { name: 'Add videos' }))
    const dialog = screen.getByRole('dialog', { name: 'Add videos' })
    const already = await within(dialog).findByRole('checkbox', { name: /Already here/ })
    expect(already).toBeChecked()
    expect(already).toBeDisabled()
    await expectNoAxeViolations()

    await user.click(within(dialog).getByRole('checkbox', { name: 'Select all on this page' }))
    expect(within(dialog).getByRole('checkbox', { name: /New one/ })).toBeChecked()
    expect(within(dialog).getByRole('checkbox', { name: /New three/ })).toBeChecked()
    await user.click(within(dialog).getByRole('button', { name: 'Add 3 videos' }))

    expect(await screen.findByText('2 added, 1 already in the group')).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    const [post] = requestsTo(fetch, `POST ${path}/videos`)
    expect(((await post!.json()) as { videoIds: string[] }).videoIds).toEqual([library[1]!.id, library[2]!.id, library[3]!.id])
  })

  it('filters the library in the add dialog by search and status', async () => {
    const g = group({ videos: [] })
    const { fetch } = groupApi(g)
    const { user } = renderApp(`/groups/${g.id}`)
    expect(await screen.findByText('No videos in this group yet')).toBeInTheDocument()
    expect(screen.getByTestId('player-empty')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Add videos' }))
    const dialog = screen.getByRole('dialog', { name: 'Add videos' })
    await within(dialog).findByRole('checkbox', { name: /Library one/ })
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search your videos' }), 'two')
    await waitFor(() => expect(within(dialog).queryByRole('checkbox', { name: /Library one/ })).not.toBeInTheDocument())
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'Ready')
    await waitFor(() => {
      const last = new URL(requestsTo(fetch, 'GET /api/v1/videos').at(-1)!.url).searchParams
      expect(last.get('q')).toBe('two')
      expect(last.get('status')).toBe('ready')
    })
  })

  it('edits the name and deletes the group (its videos are kept)', async () => {
    const g = group({ name: 'Old name', videos: [groupVideo()] })
    const { fetch, path } = groupApi(g, {
      [`PATCH /api/v1/groups/${g.id}`]: async (request: Request) => {
        const body = (await request.json()) as { name: string; description: string }
        return jsonResponse({ ...g, name: body.name, description: body.description || null })
      },
      [`DELETE /api/v1/groups/${g.id}`]: () => new Response(null, { status: 204 }),
      'GET /api/v1/groups': { items: [], page: 1, pageSize: 12, totalCount: 0 },
    })
    const { user, router } = renderApp(`/groups/${g.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const edit = screen.getByRole('dialog', { name: 'Edit group' })
    const name = within(edit).getByRole('textbox', { name: 'Name' })
    await user.clear(name)
    await user.type(name, 'New name')
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'New name' })).toBeInTheDocument()
    expect(await requestsTo(fetch, `PATCH ${path}`)[0]!.json()).toEqual({ name: 'New name', description: '' })

    await user.click(screen.getByRole('button', { name: 'Delete' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete this group?' })
    expect(confirm).toHaveTextContent('Its videos are kept in your library.')
    await user.click(within(confirm).getByRole('button', { name: 'Delete group' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/groups'))
    expect(requestsTo(fetch, `DELETE ${path}`)).toHaveLength(1)
  })

  it('becomes tabs on narrow screens', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(max-width: 767px)',
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }))
    const a = groupVideo({ title: 'Only one' })
    const g = group({ videos: [a] })
    groupApi(g)
    const { user } = renderApp(`/groups/${g.id}`)

    const tablist = await screen.findByRole('tablist', { name: 'Group sections' })
    const tabs = within(tablist).getAllByRole('tab')
    expect(tabs.map((t) => t.textContent)).toEqual(['Videos', 'Player', 'Ask', 'Share'])
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel', { name: 'Videos' })).toBeVisible()
    expect(screen.getByTestId('share-panel')).not.toBeVisible()

    tabs[0]!.focus()
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}')
    expect(tabs[3]).toHaveFocus()
    expect(tabs[3]).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTestId('share-panel')).toBeVisible()

    // Picking a video shows the player.
    fireEvent.click(tabs[0]!)
    await user.click(screen.getByTestId('member-select'))
    expect(tabs[1]).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByTestId('video-player')).toBeVisible()
    vi.unstubAllGlobals()
  })

  it('says when the group does not exist', async () => {
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/groups/00000000-0000-4000-8000-00000000dead': () => problemResponse({ title: 'Not Found', status: 404, code: 'not_found' }),
    })
    renderApp('/groups/00000000-0000-4000-8000-00000000dead')
    expect(await screen.findByRole('heading', { level: 1, name: 'Group not found' })).toBeInTheDocument()
  })
})
