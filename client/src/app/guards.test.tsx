import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi, problemResponse, requestsTo } from '../test/http'
import { renderApp } from '../test/render'
import { me, withSessionCookie } from '../test/session'

describe('route guards', () => {
  it.each([
    ['/settings', '/login', '?next=%2Fsettings'],
    ['/settings/tokens', '/login', '?next=%2Fsettings%2Ftokens'],
    ['/ja/admin/jobs?status=all', '/ja/login', '?next=%2Fadmin%2Fjobs%3Fstatus%3Dall'],
    ['/videos', '/login', '?next=%2Fvideos'],
  ])('sends a visitor from %s to %s%s', async (from, pathname, search) => {
    const fetch = mockApi({})
    const { router } = renderApp(from)

    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(pathname)
    expect(router.state.location.search).toBe(search)
    // No session cookie: nothing to ask the server.
    expect(requestsTo(fetch, 'GET /api/v1/me')).toHaveLength(0)
  })

  it('treats a 401 from GET /me as signed out (not an error)', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': () => problemResponse({ title: 'Unauthorized', status: 401 }),
      'POST /api/v1/auth/refresh': () => problemResponse({ title: 'Unauthorized', status: 401 }),
    })
    const { router } = renderApp('/settings')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/login')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it.each(['/login', '/signup', '/ja/login'])('sends a signed-in user from %s home', async (from) => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me() })
    const { router } = renderApp(from)

    expect(await screen.findByTestId('dashboard')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(from.startsWith('/ja') ? '/ja/' : '/')
  })

  it('refuses an off-site ?next= after sign-in', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me() })
    const { router } = renderApp('/login?next=%2F%2Fevil.example%2Fsteal')
    expect(await screen.findByTestId('dashboard')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/')
  })

  it('shows admins only to admins', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me({ isAdmin: false }) })
    renderApp('/admin')
    expect(await screen.findByRole('heading', { level: 1, name: 'Administrators only' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument()
  })
})
