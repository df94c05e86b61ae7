import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'

const RESET = 'POST /api/v1/auth/password-reset/confirm'

describe('reset-password page', () => {
  it('can revoke every API token along with the reset', async () => {
    const fetch = mockApi({ [RESET]: () => new Response(null, { status: 204 }) })
    const { user } = renderApp('/reset-password?token=abc123')

    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase')
    const revoke = screen.getByRole('checkbox', { name: 'Also revoke all my API tokens' })
    expect(revoke).not.toBeChecked()
    await user.click(revoke)
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(await screen.findByTestId('reset-done')).toBeInTheDocument()
    expect(await requestsTo(fetch, RESET)[0]?.json()).toEqual({
      token: 'abc123',
      newPassword: 'a brand new passphrase',
      revokeApiTokens: true,
    })
  })

  it('checks the password policy before sending and focuses the field', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/reset-password?token=abc123')

    await user.type(screen.getByLabelText('New password'), 'short')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    const password = screen.getByLabelText('New password')
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(password).toHaveAccessibleDescription(expect.stringContaining('Use at least 10 characters (and at most 256).'))
    await waitFor(() => expect(password).toHaveFocus())
    expect(requestsTo(fetch, RESET)).toHaveLength(0)
  })

  it('shows the server’s password problems on the field', async () => {
    mockApi({
      [RESET]: () =>
        problemResponse({
          title: 'Validation failed',
          status: 400,
          code: 'validation_failed',
          errors: { newPassword: ['This password is too common; choose something less guessable.'] },
        }),
    })
    const { user } = renderApp('/reset-password?token=abc123')

    await user.type(screen.getByLabelText('New password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    const password = screen.getByLabelText('New password')
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'))
    expect(password).toHaveAccessibleDescription(expect.stringContaining('This password is too common'))
    await waitFor(() => expect(password).toHaveFocus())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('explains an expired link in a focused alert, with a way to request a new one', async () => {
    mockApi({ [RESET]: () => problemResponse({ title: 'Bad Request', status: 400, code: 'token_invalid' }) })
    const { user } = renderApp('/reset-password?token=old')

    await user.type(screen.getByLabelText('New password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This reset link is invalid, already used or expired.')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(screen.getByRole('link', { name: 'Request a new link' })).toBeInTheDocument()
    expect(screen.getByLabelText('New password')).not.toHaveAttribute('aria-invalid')
  })

  it('holds the button while the reset is under way', async () => {
    const held = deferred<Response>()
    mockApi({ [RESET]: () => held.promise })
    const { user } = renderApp('/reset-password?token=abc123')

    await user.type(screen.getByLabelText('New password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    await waitFor(() => expect(screen.getByRole('button', { name: /Change password/ })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(new Response(null, { status: 204 }))
    expect(await screen.findByTestId('reset-done')).toBeInTheDocument()
  })
})
