import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import type { AdminUser } from './queries'

const admin = me({ isAdmin: true, username: 'root', id: '00000000-0000-4000-8000-000000000001' })

function user(overrides: Partial<AdminUser> = {}): AdminUser {
  return {
    id: '00000000-0000-4000-8000-000000000002',
    email: 'bob@example.com',
    username: 'bob',
    isActive: true,
    isAdmin: false,
    emailVerifiedAt: '2026-01-01T00:00:00Z',
    createdAt: '2026-01-01T00:00:00Z',
    videoLimit: 10,
    maxUploadBytes: null,
    videoCount: 2,
    storageBytes: 1024 ** 3,
    deletionPending: false,
    ...overrides,
  }
}

function adminApi(bob = user()) {
  let current = bob
  return mockApi({
    'GET /api/v1/me': admin,
    'GET /api/v1/admin/users': (request) => {
      const q = new URL(request.url).searchParams.get('q')
      const items = [{ ...user({ id: admin.id, username: 'root', email: 'root@example.com', isAdmin: true }) }, current].filter(
        (u) => !q || u.username.includes(q) || u.email.includes(q),
      )
      return jsonResponse({ items, page: 1, pageSize: 20, totalCount: items.length })
    },
    [`PATCH /api/v1/admin/users/${bob.id}`]: async (request) => {
      current = { ...current, ...((await request.json()) as Partial<AdminUser>) }
      return jsonResponse(current)
    },
  })
}

describe('admin: users', () => {
  it('toggling "active" sends a PATCH with only that field', async () => {
    withSessionCookie()
    const fetch = adminApi()
    const { user: u } = renderApp('/admin')

    const active = await screen.findByRole('switch', { name: 'bob is active' })
    expect(active).toHaveAttribute('aria-checked', 'true')
    await u.click(active)

    expect(await screen.findByText('bob was deactivated and signed out.')).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: 'bob is active' })).toHaveAttribute('aria-checked', 'false')
    const [patch] = requestsTo(fetch, 'PATCH /api/v1/admin/users/00000000-0000-4000-8000-000000000002')
    expect(await patch?.json()).toEqual({ isActive: false })
  })

  it('toggling "admin" sends only isAdmin, and an admin cannot demote themself', async () => {
    withSessionCookie()
    const fetch = adminApi()
    const { user: u } = renderApp('/admin')

    expect(await screen.findByRole('switch', { name: 'root is an administrator' })).toBeDisabled()
    await u.click(screen.getByRole('switch', { name: 'bob is an administrator' }))

    expect(await screen.findByText('bob is now an administrator.')).toBeInTheDocument()
    const [patch] = requestsTo(fetch, 'PATCH /api/v1/admin/users/00000000-0000-4000-8000-000000000002')
    expect(await patch?.json()).toEqual({ isAdmin: true })
  })

  it('edits limits: "unlimited" sends videoLimit null, and upload limits in GB', async () => {
    withSessionCookie()
    const fetch = adminApi()
    const { user: u } = renderApp('/admin')

    await u.click(await screen.findByRole('button', { name: 'Edit limits for bob' }))
    const dialog = screen.getByRole('dialog', { name: 'Limits for bob' })
    await u.click(within(dialog).getByLabelText('Unlimited videos'))
    expect(within(dialog).getByLabelText('Video limit')).toBeDisabled()
    await u.click(within(dialog).getByLabelText(/Use the server default/))
    await u.clear(within(dialog).getByLabelText('Largest file'))
    await u.type(within(dialog).getByLabelText('Largest file'), '1.5')
    await u.selectOptions(within(dialog).getByLabelText('Unit'), 'GB')
    await u.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Limits for bob were saved.')).toBeInTheDocument()
    const [patch] = requestsTo(fetch, 'PATCH /api/v1/admin/users/00000000-0000-4000-8000-000000000002')
    expect(await patch?.json()).toEqual({ videoLimit: null, maxUploadBytes: 1610612736 })
    expect(within(screen.getByTestId('user-row-bob')).getByText('2 (no limit)')).toBeInTheDocument()
  })

  it('limits: checks the numbers before sending; the server’s maxUploadBytes message lands on the size', async () => {
    withSessionCookie()
    const bob = user()
    const held = deferred<Response>()
    const fetch = mockApi({
      'GET /api/v1/me': admin,
      'GET /api/v1/admin/users': { items: [bob], page: 1, pageSize: 20, totalCount: 1 },
      [`PATCH /api/v1/admin/users/${bob.id}`]: () => held.promise,
    })
    const { user: u } = renderApp('/admin')

    await u.click(await screen.findByRole('button', { name: 'Edit limits for bob' }))
    const dialog = screen.getByRole('dialog', { name: 'Limits for bob' })
    const limit = within(dialog).getByLabelText('Video limit')
    await u.clear(limit)
    await u.type(limit, '2.5')
    await u.click(within(dialog).getByLabelText(/Use the server default/))
    const size = within(dialog).getByLabelText('Largest file')
    await u.clear(size)
    await u.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(limit).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number, 0 or more.'))
    expect(size).toHaveAccessibleDescription('Enter a size greater than 0.')
    await waitFor(() => expect(limit).toHaveFocus())
    expect(requestsTo(fetch, `PATCH /api/v1/admin/users/${bob.id}`)).toHaveLength(0)

    await u.clear(limit)
    await u.type(limit, '3')
    await u.type(size, '900')
    await u.selectOptions(within(dialog).getByLabelText('Unit'), 'MB')
    await u.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Save changes' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(
      problemResponse({
        title: 'Validation failed',
        status: 400,
        code: 'validation_failed',
        errors: { maxUploadBytes: ['maxUploadBytes must be positive, or null for the server default.'] },
      }),
    )

    await waitFor(() => expect(size).toHaveAccessibleDescription('maxUploadBytes must be positive, or null for the server default.'))
    await waitFor(() => expect(size).toHaveFocus())
    expect(limit).not.toHaveAttribute('aria-invalid')
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
    expect(await requestsTo(fetch, `PATCH /api/v1/admin/users/${bob.id}`)[0]?.json()).toEqual({ videoLimit: 3, maxUploadBytes: 900 * 1024 ** 2 })
  })

  it('searches through ?q=', async () => {
    withSessionCookie()
    const fetch = adminApi()
    const { user: u, router } = renderApp('/admin')

    await u.type(await screen.findByLabelText('Search users'), 'bob')
    await u.click(screen.getByRole('button', { name: 'Search' }))

    expect(router.state.location.search).toBe('?q=bob')
    await screen.findByText('Showing 1–1 of 1')
    const last = requestsTo(fetch, 'GET /api/v1/admin/users').at(-1)
    expect(new URL(last!.url).searchParams.get('q')).toBe('bob')
  })
})
