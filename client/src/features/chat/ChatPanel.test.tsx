import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { frontendConfig, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderComponent, sseResponse, sseStream } from '../../test/component'
import { withSessionCookie } from '../../test/session'
import type { ChatAnswer, Citation } from './api'
import { ChatPanel, type ChatPanelProps } from './ChatPanel'

const VIDEO = 'aaaaaaaa-0000-4000-8000-000000000001'
const LOG = 'bbbbbbbb-0000-4000-8000-000000000001'

const intro: Citation = {
  n: 1,
  sceneId: 'cccccccc-0000-4000-8000-000000000001',
  videoId: VIDEO,
  title: 'Intro',
  startMs: 83_000,
  endMs: 95_000,
  text: 'Welcome to the intro.',
}
const pricing: Citation = {
  n: 2,
  sceneId: 'cccccccc-0000-4000-8000-000000000002',
  videoId: VIDEO,
  title: 'Pricing',
  startMs: 200_000,
  endMs: 230_000,
  text: 'Plans and prices.',
}

function answer(overrides: Partial<ChatAnswer> = {}): ChatAnswer {
  return {
    answer: 'The video opens with a welcome [1].',
    citations: [intro],
    chatLogId: LOG,
    feedbackToken: 'fb-token-1',
    model: 'gpt-test',
    ...overrides,
  }
}

function setup(props: Partial<ChatPanelProps> = {}) {
  const onCitation = vi.fn()
  const view = renderComponent(<ChatPanel scope={{ kind: 'video', id: VIDEO }} onCitation={onCitation} {...props} />)
  return { ...view, onCitation }
}

async function ask(user: ReturnType<typeof setup>['user'], question: string) {
  await user.type(screen.getByLabelText('Your question'), question)
  await user.keyboard('{Enter}')
}

describe('ChatPanel', () => {
  it('streams the answer, then shows the final citations as chips', async () => {
    withSessionCookie('csrf-9')
    const stream = sseStream()
    const spy = mockApi({ [`POST /api/v1/videos/${VIDEO}/chat`]: () => stream.response })
    const { user } = setup()

    await ask(user, 'How does it start?')
    const log = screen.getByRole('log')
    expect(screen.getByText('How does it start?')).toBeInTheDocument()
    expect(screen.getByTestId('typing-indicator')).toBeInTheDocument()
    expect(screen.getByTestId('chat-stop')).toBeInTheDocument()

    const [request] = requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)
    expect(request!.headers.get('X-CSRF-Token')).toBe('csrf-9')
    expect(await request!.json()).toEqual({ messages: [{ role: 'user', content: 'How does it start?' }], stream: true })

    act(() => {
      stream.send('citations', [intro, pricing])
      stream.send('delta', { text: 'The video opens ' })
    })
    expect(await within(log).findByText(/The video opens/)).toBeInTheDocument()
    expect(log).toHaveAttribute('aria-busy', 'true')
    expect(log).toHaveAttribute('aria-live', 'polite')

    act(() => stream.send('delta', { text: 'with a welcome [1] and [9].' }))
    // Candidate citations already turn markers into chips while streaming.
    expect(await screen.findByRole('button', { name: '[1] Intro 1:23' })).toBeInTheDocument()

    act(() => {
      stream.send('done', answer({ answer: 'The video opens with a welcome [1] and [9].' }))
      stream.close()
    })
    await waitFor(() => expect(log).toHaveAttribute('aria-busy', 'false'))
    expect(screen.queryByTestId('typing-indicator')).not.toBeInTheDocument()
    expect(screen.getAllByTestId('citation-chip')).toHaveLength(1)
    // An invented marker (no citation 9) stays plain text.
    expect(screen.queryByRole('button', { name: /\[9\]/ })).not.toBeInTheDocument()
    expect(within(log).getByText(/\[9\]/)).toBeInTheDocument()
    expect(screen.getByTestId('chat-send')).toBeInTheDocument()
  })

  it('plays the cited scene when a chip is activated', async () => {
    mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        sseResponse([
          ['citations', [intro, pricing]],
          ['delta', { text: 'Prices are explained [2].' }],
          ['done', answer({ answer: 'Prices are explained [2].', citations: [pricing] })],
        ]),
    })
    const { user, onCitation } = setup()
    await ask(user, 'Where are the prices?')
    await user.click(await screen.findByRole('button', { name: '[2] Pricing 3:20' }))
    expect(onCitation).toHaveBeenCalledWith(pricing)
  })

  it('sends the whole conversation with a follow-up question', async () => {
    const spy = mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () => jsonResponse(answer()),
    })
    const { user } = setup()
    await ask(user, 'How does it start?')
    await screen.findByRole('button', { name: '[1] Intro 1:23' })
    await ask(user, 'And then?')
    await waitFor(() => expect(requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)).toHaveLength(2))
    const second = requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)[1]!
    expect(((await second.json()) as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'How does it start?' },
      { role: 'assistant', content: 'The video opens with a welcome [1].' },
      { role: 'user', content: 'And then?' },
    ])
  })

  it('keeps Shift+Enter as a new line', async () => {
    const spy = mockApi({})
    const { user } = setup()
    const input = screen.getByLabelText('Your question')
    await user.type(input, 'one{Shift>}{Enter}{/Shift}two')
    expect(input).toHaveValue('one\ntwo')
    expect(requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)).toHaveLength(0)
  })

  it('stops a streaming answer', async () => {
    const stream = sseStream()
    mockApi({ [`POST /api/v1/videos/${VIDEO}/chat`]: () => stream.response })
    const { user } = setup()
    await ask(user, 'Long question')
    act(() => stream.send('delta', { text: 'Partial answer' }))
    await screen.findByText(/Partial answer/)
    await user.click(screen.getByRole('button', { name: 'Stop' }))
    expect(await screen.findByText('Stopped. The answer is incomplete.')).toBeInTheDocument()
    expect(screen.getByRole('log')).toHaveAttribute('aria-busy', 'false')
  })

  it('asks one of the example questions from the empty state', async () => {
    const spy = mockApi({ [`POST /api/v1/videos/${VIDEO}/chat`]: () => jsonResponse(answer()) })
    const { user } = setup()
    expect(screen.getByTestId('chat-empty')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'What is this video about?' }))
    await screen.findByRole('button', { name: '[1] Intro 1:23' })
    expect(await requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)[0]!.json()).toMatchObject({
      messages: [{ role: 'user', content: 'What is this video about?' }],
    })
  })

  it('rates an answer as its owner, with a comment on "bad"', async () => {
    const spy = mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () => jsonResponse(answer()),
      [`PUT /api/v1/chat/logs/${LOG}/feedback`]: () => new Response(null, { status: 204 }),
    })
    const { user } = setup()
    await ask(user, 'How does it start?')
    await user.click(await screen.findByRole('button', { name: 'Good answer' }))
    expect(await screen.findByText('Thanks for your feedback.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Good answer' })).toHaveAttribute('aria-pressed', 'true')

    await user.click(screen.getByRole('button', { name: 'Bad answer' }))
    await user.type(await screen.findByLabelText('What was wrong? (optional)'), 'Wrong scene')
    await user.click(within(screen.getByTestId('chat-feedback')).getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(requestsTo(spy, `PUT /api/v1/chat/logs/${LOG}/feedback`)).toHaveLength(3))
    const bodies = await Promise.all(requestsTo(spy, `PUT /api/v1/chat/logs/${LOG}/feedback`).map((r) => r.json()))
    expect(bodies).toEqual([{ value: 'good' }, { value: 'bad' }, { value: 'bad', comment: 'Wrong scene' }])
  })

  it('lets a guest rate an answer with its feedbackToken, without session headers', async () => {
    withSessionCookie('csrf-guest')
    const spy = mockApi({
      'POST /api/v1/shared/share-token-1/chat': () => jsonResponse(answer()),
      [`PUT /api/v1/chat/logs/${LOG}/feedback`]: () => new Response(null, { status: 204 }),
    })
    const { user } = setup({ scope: { kind: 'shared', token: 'share-token-1' } })
    await ask(user, 'How does it start?')
    await user.click(await screen.findByRole('button', { name: 'Good answer' }))
    await waitFor(() => expect(requestsTo(spy, `PUT /api/v1/chat/logs/${LOG}/feedback`)).toHaveLength(1))
    const [put] = requestsTo(spy, `PUT /api/v1/chat/logs/${LOG}/feedback`)
    expect(await put!.json()).toEqual({ value: 'good', feedbackToken: 'fb-token-1' })
    const [post] = requestsTo(spy, 'POST /api/v1/shared/share-token-1/chat')
    expect(post!.headers.get('X-CSRF-Token')).toBeNull()
    expect(post!.credentials).toBe('omit')
    expect(put!.credentials).toBe('omit')
    // A guest's 401 never tries to renew a session.
    expect(requestsTo(spy, 'POST /api/v1/auth/refresh')).toHaveLength(0)
  })

  it('explains a refused OpenAI key with a link to the settings, and retries', async () => {
    let calls = 0
    const spy = mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        ++calls === 1
          ? problemResponse({ type: 'about:blank', title: 'Invalid key', status: 422, code: 'invalid_openai_key' })
          : jsonResponse(answer()),
    })
    const { user } = setup()
    await ask(user, 'How does it start?')
    const alert = await screen.findByTestId('chat-error')
    expect(alert).toHaveTextContent('The OpenAI key was refused. Fix the key in Settings')
    expect(within(alert).getByRole('link', { name: 'Open AI settings' })).toHaveAttribute('href', '/settings/ai')
    // Not a sign-out: no session refresh was attempted.
    expect(requestsTo(spy, 'POST /api/v1/auth/refresh')).toHaveLength(0)
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await screen.findByRole('button', { name: '[1] Intro 1:23' })).toBeInTheDocument()
    expect(screen.queryByTestId('chat-error')).not.toBeInTheDocument()
  })

  it('shows how long to wait after a 429', async () => {
    mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        problemResponse({ type: 'about:blank', title: 'Too many', status: 429, code: 'ai_rate_limited' }, { 'Retry-After': '30' }),
    })
    const { user } = setup()
    await ask(user, 'How does it start?')
    expect(await screen.findByText(/You can ask again in 30 seconds/)).toBeInTheDocument()
    expect(within(screen.getByTestId('chat-error')).getByRole('button', { name: 'Retry' })).toBeDisabled()
  })

  it('shows an error event from the stream inline', async () => {
    mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        sseResponse([
          ['citations', [intro]],
          ['delta', { text: 'Half' }],
          ['error', { status: 503, code: 'ai_unavailable', detail: 'down' }],
        ]),
    })
    const { user } = setup()
    await ask(user, 'How does it start?')
    expect(await screen.findByText('The language model is not available right now. Try again in a moment.')).toBeInTheDocument()
  })

  it('says when no language model is configured', async () => {
    mockApi({ 'GET /api/v1/config/frontend': frontendConfig({ providers: { chat: 'extractive', embeddings: 'local', transcription: 'none' } }) })
    setup()
    expect(await screen.findByText('No language model is configured: answers quote the best matching scenes.')).toBeInTheDocument()
  })

  it('has no extractive note with a language model', async () => {
    const spy = mockApi({ 'GET /api/v1/config/frontend': frontendConfig({ providers: { chat: 'openai', embeddings: 'openai', transcription: 'openai' } }) })
    setup()
    await waitFor(() => expect(requestsTo(spy, 'GET /api/v1/config/frontend')).toHaveLength(1))
    await act(async () => {})
    expect(screen.queryByTestId('extractive-note')).not.toBeInTheDocument()
  })

  it('renders Markdown safely', async () => {
    mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        jsonResponse(answer({ answer: '**Bold** <img src=x onerror="alert(1)"> [link](javascript:alert(1)) [1]' })),
    })
    const { user, container } = setup()
    await ask(user, 'Markdown?')
    await screen.findByRole('button', { name: '[1] Intro 1:23' })
    expect(screen.getByText('Bold').tagName).toBe('STRONG')
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('link').getAttribute('href') ?? '').not.toMatch(/javascript/i)
  })

  it('sends on Enter but not while an input method is composing', () => {
    const spy = mockApi({})
    setup()
    const input = screen.getByLabelText('Your question')
    fireEvent.change(input, { target: { value: 'にほんご' } })
    fireEvent.keyDown(input, { key: 'Enter', isComposing: true })
    expect(requestsTo(spy, `POST /api/v1/videos/${VIDEO}/chat`)).toHaveLength(0)
    expect(input).toHaveValue('にほんご')
  })
})
