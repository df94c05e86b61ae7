import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, mockApi, problemResponse, requestsTo } from '../test/http'
import { renderApp } from '../test/render'
import { me, session, withSessionCookie } from '../test/session'

const ja = me({ preferences: { preferredLanguage: 'ja', llmModel: null, llmTemperature: null } })

describe('the saved language', () => {
  it('the switcher saves the choice as preferredLanguage when signed in', async () => {
    withSessionCookie()
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/tags': [], 'PATCH /api/v1/me': () => jsonResponse(ja) })
    const { user, router } = renderApp('/settings')
    await screen.findByRole('heading', { level: 1, name: 'Settings' })

    await user.click(within(screen.getByRole('navigation', { name: 'Language' })).getByRole('link', { name: '日本語' }))

    await expect.poll(() => requestsTo(fetch, 'PATCH /api/v1/me').length).toBe(1)
    const [patch] = requestsTo(fetch, 'PATCH /api/v1/me')
    expect(await patch!.json()).toEqual({ preferredLanguage: 'ja' })
    expect(router.state.location.pathname).toBe('/ja/settings')
    // Saved: the watcher does not send the user back to English.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(router.state.location.pathname).toBe('/ja/settings')
  })

  it('a visitor’s choice is only remembered in the browser', async () => {
    const fetch = mockApi({})
    const { user, router } = renderApp('/login')
    await screen.findByRole('heading', { level: 1, name: 'Sign in' })

    await user.click(within(screen.getByRole('navigation', { name: 'Language' })).getByRole('link', { name: '日本語' }))

    expect(router.state.location.pathname).toBe('/ja/login')
    expect(requestsTo(fetch, 'PATCH /api/v1/me')).toHaveLength(0)
  })

  it('sign-in applies the saved language, after going on to ?next=', async () => {
    let signedIn = false
    mockApi({
      'POST /api/v1/auth/login': () => {
        signedIn = true
        document.cookie = 'csrf_token=fresh; path=/'
        return jsonResponse(session(ja))
      },
      'GET /api/v1/me': () => (signedIn ? jsonResponse(ja) : problemResponse({ title: 'Unauthorized', status: 401 })),
    })
    const { user, router } = renderApp('/login?next=%2Fsettings')

    await user.type(screen.getByLabelText('Email or username'), 'alice')
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    // Two navigations (to ?next=, then to its Japanese twin): allow for a slow machine.
    expect(await screen.findByRole('heading', { level: 1, name: '設定' }, { timeout: 4000 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ja/settings')
  })

  it('a restored session moves an unprefixed page to the saved language', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': ja })
    const { router } = renderApp('/settings?tab=1')

    expect(await screen.findByRole('heading', { level: 1, name: '設定' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ja/settings')
    expect(router.state.location.search).toBe('?tab=1')
  })

  it('a restored session keeps a language the URL names', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me() })
    const { router } = renderApp('/ja/settings')

    expect(await screen.findByRole('heading', { level: 1, name: '設定' })).toBeInTheDocument()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(router.state.location.pathname).toBe('/ja/settings')
  })
})
