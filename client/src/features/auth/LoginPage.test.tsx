import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, session } from '../../test/session'

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], login: string, password = 'correct horse battery') {
  await user.type(screen.getByLabelText('Email or username'), login)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in page', () => {
  it('signs in, loads the profile and continues to ?next=', async () => {
    let signedIn = false
    const fetch = mockApi({
      'POST /api/v1/auth/login': () => {
        signedIn = true
        document.cookie = 'csrf_token=fresh; path=/'
        return jsonResponse(session())
      },
      'GET /api/v1/me': () => (signedIn ? jsonResponse(me()) : problemResponse({ title: 'Unauthorized', status: 401 })),
    })
    const { user, router } = renderApp('/login?next=%2Fsettings')

    await fillAndSubmit(user, '  alice ')

    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/settings')
    const [login] = requestsTo(fetch, 'POST /api/v1/auth/login')
    expect(await login?.json()).toEqual({ login: 'alice', password: 'correct horse battery' })
  })

  it('explains email_not_verified and offers to resend the verification email', async () => {
    const fetch = mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse({ title: 'Forbidden', status: 403, code: 'email_not_verified', detail: 'Confirm your email address first.' }),
      'POST /api/v1/auth/resend-verification': () => jsonResponse({ message: 'ok' }, { status: 202 }),
    })
    const { user } = renderApp('/login')

    await fillAndSubmit(user, 'alice@example.com')

    const alert = await screen.findByTestId('login-error')
    expect(alert).toHaveTextContent('Confirm your email address first')
    expect(alert).toHaveFocus()
    const email = within(alert).getByLabelText('Email address')
    expect(email).toHaveValue('alice@example.com') // prefilled from the login field

    await user.click(within(alert).getByRole('button', { name: 'Send a new link' }))

    expect(await screen.findByTestId('resend-sent')).toHaveTextContent('alice@example.com')
    const [resend] = requestsTo(fetch, 'POST /api/v1/auth/resend-verification')
    expect(await resend?.json()).toEqual({ email: 'alice@example.com' })
  })

  it('says so when the credentials are wrong (a 401 here is not "session expired")', async () => {
    const fetch = mockApi({
      'POST /api/v1/auth/login': () => problemResponse({ title: 'Unauthorized', status: 401, code: 'unauthenticated' }),
    })
    const { user } = renderApp('/login')

    await fillAndSubmit(user, 'alice', 'wrong password!')

    expect(await screen.findByTestId('login-error')).toHaveTextContent('The email/username or password is incorrect.')
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(0)
  })

  it('explains a deactivated account', async () => {
    mockApi({
      'POST /api/v1/auth/login': () => problemResponse({ title: 'Forbidden', status: 403, code: 'account_disabled' }),
    })
    const { user } = renderApp('/login')
    await fillAndSubmit(user, 'alice')
    const alert = await screen.findByTestId('login-error')
    expect(alert).toHaveTextContent('This account is deactivated')
    expect(alert).toHaveTextContent('Contact an administrator.')
  })

  it('shows the Retry-After wait when rate limited and holds the button', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        problemResponse({ title: 'Too Many Requests', status: 429, code: 'rate_limited' }, { 'Retry-After': '42' }),
    })
    const { user } = renderApp('/login')

    await fillAndSubmit(user, 'alice')

    expect(await screen.findByTestId('login-error')).toHaveTextContent('Try again in 42 seconds.')
    expect(screen.getByRole('button', { name: /Try again in 4\d seconds/ })).toBeDisabled()
  })

  it('validates required fields before calling the API, and marks them invalid', async () => {
    const fetch = mockApi({})
    const { user } = renderApp('/login')

    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    const login = screen.getByLabelText('Email or username')
    expect(login).toHaveAttribute('aria-invalid', 'true')
    expect(login).toHaveAccessibleDescription('Enter your email address or username.')
    await waitFor(() => expect(login).toHaveFocus())
    expect(requestsTo(fetch, 'POST /api/v1/auth/login')).toHaveLength(0)
  })

  it('renders in Japanese under /ja/login', () => {
    mockApi({})
    renderApp('/ja/login')
    expect(screen.getByRole('heading', { level: 1, name: 'ログイン' })).toBeInTheDocument()
    expect(screen.getByLabelText('メールアドレスまたはユーザー名')).toBeInTheDocument()
  })
})
