import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mockApi } from '../test/http'
import { renderApp } from '../test/render'
import { me, withSessionCookie } from '../test/session'

describe('focus after navigation', () => {
  it('moves to the main landmark on a new page, but stays in a page’s own section nav', async () => {
    withSessionCookie()
    mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/me/tokens': [] })
    const { user } = renderApp('/')

    const nav = await screen.findByRole('navigation', { name: 'Main' })
    await user.click(within(nav).getByRole('link', { name: 'Groups' }))
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus())

    await user.click(await screen.findByRole('button', { name: 'Account menu for alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Settings' }))
    const sections = await screen.findByRole('navigation', { name: 'Settings sections' })
    const tokens = within(sections).getByRole('link', { name: 'API tokens' })
    await user.click(tokens)
    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeInTheDocument()
    expect(tokens).toHaveFocus()
  })
})
