import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiToken } from './queries'
import { jsonResponse, mockApi, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'

const SECRET = 'avq_live_0123456789abcdefghijklmnopqrstuv'

function tokenApi() {
  const tokens: ApiToken[] = []
  const fetch = mockApi({
    'GET /api/v1/me': me(),
    'GET /api/v1/me/tokens': () => jsonResponse(tokens),
    'POST /api/v1/me/tokens': async (request) => {
      const body = (await request.json()) as { name: string; scopes: string[]; expiresAt: string | null }
      const token = {
        id: '22222222-2222-4222-8222-222222222222',
        name: body.name,
        scopes: body.scopes,
        prefix: 'avq_live_0',
        createdAt: new Date().toISOString(),
        expiresAt: body.expiresAt,
        lastUsedAt: null,
      }
      tokens.push(token)
      return jsonResponse({ ...token, token: SECRET }, { status: 201 })
    },
    'DELETE /api/v1/me/tokens/22222222-2222-4222-8222-222222222222': () => {
      tokens.pop()
      return new Response(null, { status: 204 })
    },
  })
  return fetch
}

describe('settings: API tokens', () => {
  it('creates a token and shows its secret exactly once', async () => {
    withSessionCookie()
    const fetch = tokenApi()
    const { user } = renderApp('/settings/tokens')

    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Create token' }))

    const dialog = screen.getByRole('dialog', { name: 'Create an API token' })
    await user.type(within(dialog).getByLabelText('Name'), 'Backup script')
    await user.click(within(dialog).getByLabelText(/Read and write/))
    await user.selectOptions(within(dialog).getByLabelText('Expires'), 'never')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))

    const secret = await within(dialog).findByTestId('token-secret')
    expect(secret).toHaveValue(SECRET)
    expect(secret).toHaveFocus()
    expect(dialog).toHaveAccessibleName('Your new token')
    expect(within(dialog).getByText('Copy your token now')).toBeInTheDocument()
    expect(within(dialog).getByText(/You won’t see it again/)).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }))
    expect(await navigator.clipboard.readText()).toBe(SECRET)
    expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument()

    const [create] = requestsTo(fetch, 'POST /api/v1/me/tokens')
    expect(await create?.json()).toEqual({ name: 'Backup script', scopes: ['read', 'write'], expiresAt: null })

    await user.click(within(dialog).getByRole('button', { name: 'I have copied it' }))

    // The list shows the token's prefix, never its secret again.
    const item = await screen.findByTestId('token-item')
    expect(item).toHaveTextContent('Backup script')
    expect(item).toHaveTextContent('avq_live_0…')
    expect(item).toHaveTextContent('Never used')
    expect(document.body).not.toHaveTextContent(SECRET)
    expect(screen.queryByTestId('token-secret')).not.toBeInTheDocument()
  })

  it('validates the name and sends a preset expiry as an instant in the future', async () => {
    withSessionCookie()
    const fetch = tokenApi()
    const { user } = renderApp('/settings/tokens')

    await user.click(await screen.findByRole('button', { name: 'Create token' }))
    const dialog = screen.getByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(within(dialog).getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true')
    expect(requestsTo(fetch, 'POST /api/v1/me/tokens')).toHaveLength(0)

    await user.type(within(dialog).getByLabelText('Name'), 'CI')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    await within(dialog).findByTestId('token-secret')
    const body = (await requestsTo(fetch, 'POST /api/v1/me/tokens')[0]?.json()) as { scopes: string[]; expiresAt: string }
    expect(body.scopes).toEqual(['read'])
    const days = (Date.parse(body.expiresAt) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(89)
    expect(days).toBeLessThanOrEqual(90)
  })

  it('deletes a token after confirmation', async () => {
    withSessionCookie()
    const fetch = tokenApi()
    const { user } = renderApp('/settings/tokens')
    await user.click(await screen.findByRole('button', { name: 'Create token' }))
    await user.type(screen.getByLabelText('Name'), 'Old')
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Create token' }))
    await user.click(await screen.findByRole('button', { name: 'I have copied it' }))

    await user.click(await screen.findByRole('button', { name: 'Delete token Old' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Old”?' })
    await user.click(within(confirm).getByRole('button', { name: 'Delete token' }))

    expect(await screen.findByRole('heading', { name: 'No tokens yet' })).toBeInTheDocument()
    expect(requestsTo(fetch, 'DELETE /api/v1/me/tokens/22222222-2222-4222-8222-222222222222')).toHaveLength(1)
    await waitFor(() => expect(screen.getByText('Token “Old” was deleted.')).toBeInTheDocument())
  })
})
