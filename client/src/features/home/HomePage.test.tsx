import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'

describe('home dashboard', () => {
  it('greets a signed-in user with their usage and where to start', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me({ usage: { videoCount: 0, storageBytes: 0 }, limits: { videoLimit: null, maxUploadBytes: 2 * 1024 ** 3 } }) })
    renderApp('/')

    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome back, alice' })).toBeInTheDocument()
    expect(screen.queryByTestId('landing')).not.toBeInTheDocument()
    expect(screen.getByTestId('usage-videos')).toHaveTextContent('0')
    expect(screen.getByText('No limit on the number of videos.')).toBeInTheDocument()
    expect(screen.getByTestId('usage-upload-limit')).toHaveTextContent('2 GB')
    expect(screen.getByRole('link', { name: 'Go to Videos' })).toHaveAttribute('href', '/videos')
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
    await user.click(screen.getByRole('button', { name: 'Sign out' }))

    expect(await screen.findByTestId('landing')).toBeInTheDocument()
    expect(screen.getByText('You are signed out.')).toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/auth/logout')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-1')
  })

  it('leads Videos and Groups to a "coming soon" page', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me() })
    renderApp('/ja/groups')
    expect(await screen.findByRole('heading', { level: 1, name: 'グループ' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: '近日公開' })).toBeInTheDocument()
  })
})
