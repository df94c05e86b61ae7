import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'

describe('verify-email and reset-password links', () => {
  it('submits the token once on arrival and offers sign-in', async () => {
    const fetch = mockApi({ 'POST /api/v1/auth/verify-email': () => jsonResponse({ verified: true }) })
    renderApp('/verify-email?token=abc123')

    expect(await screen.findByTestId('verify-success')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Email confirmed' })).toHaveFocus()
    expect(screen.getAllByRole('link', { name: 'Sign in' }).at(-1)).toHaveAttribute('href', '/login')
    const requests = requestsTo(fetch, 'POST /api/v1/auth/verify-email')
    expect(requests).toHaveLength(1)
    expect(await requests[0]?.json()).toEqual({ token: 'abc123' })
  })

  it('explains an invalid token and offers a resend form', async () => {
    mockApi({
      'POST /api/v1/auth/verify-email': () => problemResponse({ title: 'Unprocessable', status: 422, code: 'token_invalid' }),
    })
    renderApp('/ja/verify-email?token=used')

    expect(await screen.findByTestId('verify-error')).toHaveTextContent('このリンクは無効、使用済み、または期限切れです。')
    expect(screen.getByRole('button', { name: '新しいリンクを送信' })).toBeInTheDocument()
  })

  it('resets the password with the token and the new password', async () => {
    const fetch = mockApi({
      'POST /api/v1/auth/password-reset/confirm': () => jsonResponse({ message: 'ok' }),
    })
    const { user } = renderApp('/reset-password?token=t0k')

    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(await screen.findByTestId('reset-done')).toBeInTheDocument()
    const [confirm] = requestsTo(fetch, 'POST /api/v1/auth/password-reset/confirm')
    expect(await confirm?.json()).toEqual({ token: 't0k', newPassword: 'a brand new passphrase', revokeApiTokens: false })
  })
})
