import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'

describe('sign-up page', () => {
  it('shows the server’s field errors next to the fields', async () => {
    mockApi({
      'POST /api/v1/auth/signup': () =>
        problemResponse({
          title: 'Validation failed',
          status: 400,
          code: 'validation_failed',
          errors: {
            username: ['This username is taken; choose another one.'],
            password: ['This password is too common; choose something less guessable.'],
          },
        }),
    })
    const { user } = renderApp('/signup')

    await user.type(await screen.findByLabelText('Email address'), 'bob@example.com')
    await user.type(screen.getByLabelText('Username'), 'bob')
    await user.type(screen.getByLabelText('Password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const username = screen.getByLabelText('Username')
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'))
    expect(username).toHaveAccessibleDescription(expect.stringContaining('This username is taken; choose another one.'))
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('This password is too common'),
    )
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid')
    await waitFor(() => expect(username).toHaveFocus())

    // Editing a field clears its error.
    await user.type(username, '2')
    expect(username).not.toHaveAttribute('aria-invalid')
  })

  it('checks the password policy as you type and before sending', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/signup')

    await user.type(await screen.findByLabelText('Email address'), 'carol@example.com')
    await user.type(screen.getByLabelText('Username'), 'carol')
    await user.type(screen.getByLabelText('Password'), 'carol12')

    const rules = screen.getByTestId('password-rules')
    expect(rules).toHaveTextContent('At least 10 characters (not yet)')
    expect(rules).toHaveTextContent('Does not contain your username (not yet)')

    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
    expect(requestsTo(fetch, 'POST /api/v1/auth/signup')).toHaveLength(0)
  })

  it('sends the UI language and continues to "check your email"', async () => {
    const fetch = mockApi({
      'POST /api/v1/auth/signup': () => jsonResponse({ message: 'ok' }, { status: 202 }),
    })
    const { user, router } = renderApp('/ja/signup')

    await user.type(await screen.findByLabelText('メールアドレス'), 'dave@example.com')
    await user.type(screen.getByLabelText('ユーザー名'), 'dave')
    await user.type(screen.getByLabelText('パスワード'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'アカウントを作成' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'メールを確認してください' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ja/check-email')
    expect(screen.getByTestId('check-email-body')).toHaveTextContent('dave@example.com')
    const [signup] = requestsTo(fetch, 'POST /api/v1/auth/signup')
    expect(await signup?.json()).toEqual({
      email: 'dave@example.com',
      username: 'dave',
      password: 'purple-elephant-77',
      preferredLanguage: 'ja',
    })
  })

  it('checks the email and username before sending, focusing the first invalid field', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/signup')

    await user.type(await screen.findByLabelText('Email address'), 'not-an-email')
    await user.type(screen.getByLabelText('Username'), '-x')
    await user.type(screen.getByLabelText('Password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    const email = screen.getByLabelText('Email address')
    expect(email).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.')
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      expect.stringContaining("Use 3 to 32 letters, digits, '.', '_' or '-'"),
    )
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid')
    await waitFor(() => expect(email).toHaveFocus())
    expect(requestsTo(fetch, 'POST /api/v1/auth/signup')).toHaveLength(0)
  })

  it('shows a problem that belongs to no field in a focused alert, and holds the button meanwhile', async () => {
    const held = deferred<Response>()
    mockApi({ 'POST /api/v1/auth/signup': () => held.promise })
    const { user } = renderApp('/signup')

    await user.type(await screen.findByLabelText('Email address'), 'erin@example.com')
    await user.type(screen.getByLabelText('Username'), 'erin')
    await user.type(screen.getByLabelText('Password'), 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Create account' }))

    await waitFor(() => expect(screen.getByRole('button', { name: 'Create account' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(
      problemResponse({
        title: 'Validation failed',
        status: 400,
        code: 'validation_failed',
        detail: 'Language must be "en" or "ja".',
        errors: { preferredLanguage: ['Language must be "en" or "ja".'] },
      }),
    )

    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveFocus())
    for (const label of ['Email address', 'Username', 'Password']) expect(screen.getByLabelText(label)).not.toHaveAttribute('aria-invalid')
    expect(screen.getByRole('button', { name: 'Create account' })).not.toHaveAttribute('aria-busy')
  })
})
