import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], login: string, password = 'correct horse battery') {
  await user.type(screen.getByLabelText('Email or username'), login)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in form: server field errors, limits, pending', () => {
  it('puts the server’s field messages on the fields, not in the alert', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse({
          title: 'Validation failed',
          status: 400,
          code: 'validation_failed',
          errors: { password: ['Use at most 256 characters.'] },
        }),
    })
    const { user } = renderApp('/login')

    await fillAndSubmit(user, 'alice')

    const password = screen.getByLabelText('Password')
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'))
    expect(password).toHaveAccessibleDescription('Use at most 256 characters.')
    await waitFor(() => expect(password).toHaveFocus())
    expect(screen.getByLabelText('Email or username')).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByTestId('login-error')).not.toBeInTheDocument()
  })

  it('holds the button while signing in', async () => {
    const held = deferred<Response>()
    mockApi({ 'POST /api/v1/auth/login': () => held.promise })
    const { user } = renderApp('/login')

    await fillAndSubmit(user, 'alice')

    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toHaveAttribute('aria-busy', 'true'))
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled()
    held.resolve(problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }))
    expect(await screen.findByTestId('login-error')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-busy')
  })

  it('says the login is too long before sending it (the server’s limit)', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/login')

    await user.click(screen.getByLabelText('Email or username'))
    await user.paste('a'.repeat(255))
    await user.type(screen.getByLabelText('Password'), 'whatever it is')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(screen.getByLabelText('Email or username')).toHaveAccessibleDescription('Use at most 254 characters.')
    expect(requestsTo(fetch, 'POST /api/v1/auth/login')).toHaveLength(0)
  })
})
