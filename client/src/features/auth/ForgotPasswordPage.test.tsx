import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'

const REQUEST = 'POST /api/v1/auth/password-reset'

describe('forgot-password page', () => {
  it('checks the address before sending, and focuses the field', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/forgot-password')

    await user.click(screen.getByRole('button', { name: 'Send the reset link' }))
    const email = screen.getByLabelText('Email address')
    expect(email).toHaveAccessibleDescription('Enter your email address.')
    await waitFor(() => expect(email).toHaveFocus())

    await user.type(email, 'alice@')
    expect(email).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.')
    expect(requestsTo(fetch, REQUEST)).toHaveLength(0)
  })

  it('sends the trimmed address, holding the button meanwhile, then says where the link went', async () => {
    const held = deferred<Response>()
    const fetch = mockApi({ [REQUEST]: () => held.promise })
    const { user } = renderApp('/forgot-password')

    await user.type(screen.getByLabelText('Email address'), ' alice@example.com ')
    await user.click(screen.getByRole('button', { name: 'Send the reset link' }))

    await waitFor(() => expect(screen.getByRole('button', { name: 'Send the reset link' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(jsonResponse({ message: 'ok' }, { status: 202 }))
    expect(await screen.findByTestId('reset-requested')).toHaveTextContent('alice@example.com')
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Check your email' })).toHaveFocus())
    expect(await requestsTo(fetch, REQUEST)[0]?.json()).toEqual({ email: 'alice@example.com' })
  })

  it('shows the server’s message for the address on the field', async () => {
    mockApi({
      [REQUEST]: () =>
        problemResponse({ title: 'Validation failed', status: 400, code: 'validation_failed', errors: { email: ['The email address is too long.'] } }),
    })
    const { user } = renderApp('/forgot-password')

    await user.type(screen.getByLabelText('Email address'), 'alice@example.com')
    await user.click(screen.getByRole('button', { name: 'Send the reset link' }))

    const email = screen.getByLabelText('Email address')
    await waitFor(() => expect(email).toHaveAccessibleDescription('The email address is too long.'))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('explains any other failure under the form', async () => {
    mockApi({ [REQUEST]: () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }) })
    const { user } = renderApp('/forgot-password')

    await user.type(screen.getByLabelText('Email address'), 'alice@example.com')
    await user.click(screen.getByRole('button', { name: 'Send the reset link' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The server answered with an error (HTTP 502).')
    expect(screen.getByLabelText('Email address')).not.toHaveAttribute('aria-invalid')
  })
})
