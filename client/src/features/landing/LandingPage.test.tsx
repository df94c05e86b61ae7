import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CSRF_HEADER } from '../../api/client'
import {
  deferred,
  frontendConfig,
  jsonResponse,
  mockConfigEndpoint,
  mockFetch,
  problemResponse,
  sentRequests,
} from '../../test/http'
import { renderApp } from '../../test/render'
import { expectNoAxeViolations } from '../../test/axe'

describe('landing page', () => {
  it('shows the version and active providers from GET /api/v1/config/frontend', async () => {
    document.cookie = 'csrf_token=abc'
    const fetch = mockConfigEndpoint(
      frontendConfig({
        version: '0.1.0',
        providers: { chat: 'extractive', embeddings: 'hashing', transcription: 'none' },
      }),
    )

    renderApp('/')

    // A csrf_token cookie hints at a session, so the page first checks GET /me (404 here: a visitor).
    expect(await screen.findByTestId('landing')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'AskVideo' })).toBeInTheDocument()
    expect(
      screen.getByText('Ask your videos anything. Get answers that cite the exact moment.'),
    ).toBeInTheDocument()

    expect(await screen.findByTestId('app-version')).toHaveTextContent('AskVideo v0.1.0')
    expect(screen.getByTestId('providers')).toHaveTextContent(
      'Answers: extractive · Embeddings: hashing · Transcription: none',
    )
    expect(screen.getByText('Uploads up to 2 GB per file')).toBeInTheDocument()

    // One config request (shared by the header, hero, status card and footer), through the generated client.
    const requests = sentRequests(fetch).filter((r) => new URL(r.url).pathname !== '/api/v1/me')
    expect(requests).toHaveLength(1)
    expect(requests[0]?.method).toBe('GET')
    expect(new URL(requests[0]!.url).pathname).toBe('/api/v1/config/frontend')
    expect(requests[0]?.credentials).toBe('same-origin')
    expect(requests[0]?.headers.has(CSRF_HEADER)).toBe(false)
  })

  it('has the onboarding content: how it works and the feature highlights', async () => {
    mockConfigEndpoint()
    renderApp('/')

    const how = screen.getByRole('region', { name: 'How it works' })
    const steps = within(how).getAllByRole('listitem')
    expect(steps.map((s) => within(s).getByRole('heading').textContent)).toEqual([
      'Upload',
      'Processed in the background',
      'Ask and jump to the cited moment',
    ])

    const features = screen.getByRole('region', { name: 'Built for answers you can check' })
    expect(within(features).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Timestamped citations',
      'Share a group by link',
      'Works offline with subtitles',
      'Bring your own OpenAI-compatible model',
      'REST API with personal tokens',
    ])
    expect(screen.getByRole('link', { name: 'See how it works' })).toHaveAttribute('href', '#how-it-works')
    await expectNoAxeViolations()
  })

  it('shows a loading skeleton until the config arrives', async () => {
    const response = deferred<Response>()
    mockFetch(() => response.promise)

    renderApp('/')

    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Loading server settings…')
    expect(screen.queryByTestId('providers')).not.toBeInTheDocument()
    expect(screen.queryByTestId('app-version')).not.toBeInTheDocument()

    response.resolve(jsonResponse(frontendConfig()))

    expect(await screen.findByTestId('providers')).toBeInTheDocument()
    expect(screen.queryByText('Loading server settings…')).not.toBeInTheDocument()
  })

  it('shows an error state with Retry when the request fails, and recovers on retry', async () => {
    let calls = 0
    const fetch = mockFetch(() => {
      calls++
      return calls === 1
        ? problemResponse({
            type: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
            title: 'An error occurred while processing your request.',
            status: 500,
            detail: 'The database is not reachable.',
          })
        : jsonResponse(frontendConfig({ version: '0.2.0' }))
    })

    const { user } = renderApp('/')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the server settings')
    expect(alert).toHaveTextContent('The database is not reachable.')
    expect(screen.queryByTestId('providers')).not.toBeInTheDocument()
    expect(screen.queryByTestId('app-version')).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))

    expect(await screen.findByTestId('providers')).toHaveTextContent('Answers: extractive')
    expect(screen.getByTestId('app-version')).toHaveTextContent('AskVideo v0.2.0')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('explains a network failure in plain words', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')))

    renderApp('/')

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server could not be reached. Check your connection and try again.',
    )
  })

  it('offers sign-up when it is enabled', async () => {
    mockConfigEndpoint(frontendConfig({ signupEnabled: true }))

    renderApp('/')

    expect(await screen.findByTestId('providers')).toBeInTheDocument()
    const signupLinks = screen.getAllByRole('link', { name: /create (an )?account/i })
    expect(signupLinks).toHaveLength(3) // header, hero and final call to action
    for (const link of signupLinks) expect(link).toHaveAttribute('href', '/signup')
  })

  it('hides every sign-up call to action when signupEnabled is false', async () => {
    mockConfigEndpoint(frontendConfig({ signupEnabled: false }))

    renderApp('/')

    expect(await screen.findByTestId('providers')).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /create (an )?account/i })).not.toBeInTheDocument()
    expect(screen.queryByRole('link', { name: /sign ?up/i })).not.toBeInTheDocument()
    expect(document.querySelector('a[href$="/signup"]')).toBeNull()
    const signIn = screen.getAllByRole('link', { name: 'Sign in' })
    expect(signIn.length).toBeGreaterThan(0)
    for (const link of signIn) expect(link).toHaveAttribute('href', '/login')
    expect(screen.getByText(/Sign-up is closed on this server/)).toBeInTheDocument()
  })

  it('does not offer sign-up before the server has answered', () => {
    mockFetch(() => new Promise<Response>(() => {}))
    renderApp('/')
    expect(screen.queryByRole('link', { name: /create (an )?account/i })).not.toBeInTheDocument()
  })
})

describe('Japanese landing page', () => {
  it('renders in Japanese under /ja/ with localized links and <html lang="ja">', async () => {
    mockConfigEndpoint()

    renderApp('/ja/')

    expect(
      screen.getByText('動画に、なんでも質問。回答は、根拠となる瞬間をピンポイントで示します。'),
    ).toBeInTheDocument()
    expect(await screen.findByTestId('providers')).toHaveTextContent(
      '回答：extractive・埋め込み：hashing・文字起こし：none',
    )
    expect(screen.getByTestId('app-version')).toHaveTextContent('AskVideo v0.1.0')
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'))
    for (const link of screen.getAllByRole('link', { name: 'ログイン' })) {
      expect(link).toHaveAttribute('href', '/ja/login')
    }
    expect(document.title).toBe('AskVideo：動画に、なんでも質問')
  })
})

describe('language switcher', () => {
  it('goes from /x to /ja/x, remembers the choice, and back', async () => {
    mockConfigEndpoint()
    const { router, user } = renderApp('/login?next=%2Fvideos')
    expect(document.documentElement.lang).toBe('en')

    const switcher = screen.getByRole('navigation', { name: 'Language' })
    expect(within(switcher).getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true')

    await user.click(within(switcher).getByRole('link', { name: '日本語' }))

    expect(router.state.location.pathname).toBe('/ja/login')
    expect(router.state.location.search).toBe('?next=%2Fvideos')
    expect(localStorage.getItem('askvideo.language')).toBe('ja')
    expect(screen.getByRole('heading', { level: 1, name: 'ログイン' })).toBeInTheDocument()
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'))

    const jaSwitcher = screen.getByRole('navigation', { name: '言語' })
    await user.click(within(jaSwitcher).getByRole('link', { name: 'English' }))

    expect(router.state.location.pathname).toBe('/login')
    expect(localStorage.getItem('askvideo.language')).toBe('en')
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    await waitFor(() => expect(document.documentElement.lang).toBe('en'))
  })
})
