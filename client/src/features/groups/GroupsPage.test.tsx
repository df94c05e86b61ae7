import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { group, groupSummary } from '../../test/groups'
import { deferred, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import type { Group } from './queries'

function groupsApi(initial: Group[] = []) {
  const list = [...initial]
  const fetch = mockApi({
    'GET /api/v1/me': me(),
    'GET /api/v1/groups': (request: Request) => {
      const params = new URL(request.url).searchParams
      const q = params.get('q')?.toLowerCase() ?? ''
      const items = list.filter((g) => g.name.toLowerCase().includes(q)).map(groupSummary)
      return jsonResponse({ items, page: 1, pageSize: Number(params.get('pageSize') ?? 12), totalCount: items.length })
    },
    'POST /api/v1/groups': async (request: Request) => {
      const body = (await request.json()) as { name: string; description?: string }
      if (body.name === 'taken') {
        return problemResponse({ title: 'Validation', status: 400, code: 'validation_failed', errors: { name: ['That name is too plain.'] } })
      }
      const created = group({ name: body.name, description: body.description || null })
      list.unshift(created)
      return jsonResponse(created, { status: 201 })
    },
  })
  return { fetch, list }
}

describe('groups: list', () => {
  it('shows the empty state, and creating a group goes to its page', async () => {
    withSessionCookie()
    const { fetch, list } = groupsApi()
    const { user, router } = renderApp('/groups')

    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' })).toBeInTheDocument()
    expect(await screen.findByRole('heading', { name: 'No groups yet' })).toBeInTheDocument()
    expect(document.title).toBe('Groups · AskVideo')
    await user.click(screen.getByRole('button', { name: 'Create a group' }))

    const dialog = screen.getByRole('dialog', { name: 'Create a group' })
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    expect(name).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
    expect(within(dialog).getByText('Enter a name.')).toBeInTheDocument()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(requestsTo(fetch, 'POST /api/v1/groups')).toHaveLength(0)

    // A server validation error lands next to the field.
    await user.type(name, 'taken')
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
    expect(await within(dialog).findByText('That name is too plain.')).toBeInTheDocument()

    await user.clear(name)
    await user.type(name, 'Onboarding')
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'Everything new hires watch.')
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }))

    await waitFor(() => expect(router.state.location.pathname).toBe(`/groups/${list[0]!.id}`))
    const posts = requestsTo(fetch, 'POST /api/v1/groups')
    expect(await posts.at(-1)!.json()).toEqual({ name: 'Onboarding', description: 'Everything new hires watch.' })
    expect(posts.at(-1)!.headers.get('X-CSRF-Token')).toBe('csrf-1')
    expect(screen.getByText('The group “Onboarding” was created.')).toBeInTheDocument()
  })

  it('the group form: the server’s limits before sending, a problem of no field in a focused alert, pending', async () => {
    withSessionCookie()
    const held = deferred<Response>()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/groups': { items: [], page: 1, pageSize: 12, totalCount: 0 },
      'POST /api/v1/groups': () => held.promise,
    })
    const { user } = renderApp('/groups')

    expect(await screen.findByRole('heading', { name: 'No groups yet' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create a group' }))
    const dialog = screen.getByRole('dialog', { name: 'Create a group' })
    const name = within(dialog).getByRole('textbox', { name: 'Name' })
    const description = within(dialog).getByRole('textbox', { name: /Description/ })
    await user.click(name)
    await user.paste('n'.repeat(201))
    await user.click(description)
    await user.paste('d'.repeat(5001))
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }))

    expect(name).toHaveAccessibleDescription('Use at most 200 characters.')
    expect(description).toHaveAccessibleDescription(expect.stringContaining('Use at most 5000 characters.'))
    await waitFor(() => expect(name).toHaveFocus())
    expect(requestsTo(fetch, 'POST /api/v1/groups')).toHaveLength(0)

    // 5000 characters is the server's limit for a description, as for a video's.
    await user.clear(name)
    await user.type(name, 'Onboarding')
    await user.clear(description)
    await user.click(description)
    await user.paste('d'.repeat(5000))
    await user.click(within(dialog).getByRole('button', { name: 'Create group' }))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Create group' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(problemResponse({ title: 'Conflict', status: 409, code: 'too_many_groups' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('The group could not be saved')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(name).not.toHaveAttribute('aria-invalid')
    expect(((await requestsTo(fetch, 'POST /api/v1/groups')[0]?.json()) as { description: string }).description).toHaveLength(5000)
  })

  it('lists groups as cards with count and shared badge, and searches', async () => {
    withSessionCookie()
    const shared = group({
      name: 'Sales calls',
      description: 'Quarterly reviews',
      videos: [],
      share: { shareToken: 'tok', url: 'https://ask.example/share/tok', sharedAt: '2026-03-01T10:00:00Z' },
    })
    const other = group({ name: 'Lectures' })
    const { fetch } = groupsApi([shared, other])
    const { user, router } = renderApp('/groups')

    const cards = await screen.findAllByTestId('group-card')
    expect(cards).toHaveLength(2)
    expect(within(cards[0]!).getByRole('link', { name: 'Sales calls' })).toHaveAttribute('href', `/groups/${shared.id}`)
    expect(within(cards[0]!).getByText('Quarterly reviews')).toBeInTheDocument()
    expect(within(cards[0]!).getByTestId('shared-badge')).toHaveTextContent('Shared')
    expect(within(cards[0]!).getByTestId('group-video-count')).toHaveTextContent('0 videos')
    expect(within(cards[1]!).queryByTestId('shared-badge')).not.toBeInTheDocument()

    await user.type(screen.getByRole('searchbox', { name: 'Search groups' }), 'lect')
    await waitFor(() => expect(router.state.location.search).toBe('?q=lect'))
    await waitFor(() => expect(screen.getAllByTestId('group-card')).toHaveLength(1))
    expect(new URL(requestsTo(fetch, 'GET /api/v1/groups').at(-1)!.url).searchParams.get('q')).toBe('lect')
  })

  it('explains a failure to load, with Retry', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/groups': () => problemResponse({ title: 'Boom', status: 500, detail: 'Database unavailable.' }),
    })
    renderApp('/groups')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load your groups')
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  it('is in Japanese under /ja', async () => {
    withSessionCookie()
    groupsApi()
    renderApp('/ja/groups')
    expect(await screen.findByRole('heading', { name: 'グループはまだありません' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'グループを作成' })).toBeInTheDocument()
  })
})
