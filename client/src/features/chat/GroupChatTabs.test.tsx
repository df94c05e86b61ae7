import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderComponent } from '../../test/component'
import { mockApi, requestsTo } from '../../test/http'
import { withSessionCookie } from '../../test/session'
import type { ChatAnalytics, ChatLog, ChatLogPage, Citation } from './api'
import { GroupChatTabs } from './GroupChatTabs'

const GROUP = 'dddddddd-0000-4000-8000-000000000001'
const citation: Citation = {
  n: 1,
  sceneId: 'cccccccc-0000-4000-8000-000000000001',
  videoId: 'aaaaaaaa-0000-4000-8000-000000000001',
  title: 'Intro',
  startMs: 83_000,
  endMs: 95_000,
  text: 'Welcome.',
}

function log(overrides: Partial<ChatLog> = {}): ChatLog {
  return {
    id: 'eeeeeeee-0000-4000-8000-000000000001',
    question: 'How does it start?',
    answer: 'It starts with a **welcome** [1].',
    citations: [citation],
    origin: 'share',
    model: 'gpt-test',
    latencyMs: 1200,
    feedback: 'bad',
    feedbackComment: 'Too short',
    createdAt: '2026-03-12T14:05:00Z',
    ...overrides,
  }
}

function page(items: ChatLog[]): ChatLogPage {
  return { items, page: 1, pageSize: 20, totalCount: items.length }
}

function setup(path = '/groups/g?chatTab=history') {
  const onCitation = vi.fn()
  const view = renderComponent(<GroupChatTabs groupId={GROUP} onCitation={onCitation} />, { path })
  return { ...view, onCitation }
}

describe('GroupChatTabs', () => {
  it('lists the history with origin, feedback and citation chips, and links the CSV export', async () => {
    mockApi({ [`GET /api/v1/groups/${GROUP}/chat/logs`]: page([log()]) })
    const { user, onCitation } = setup()
    const item = await screen.findByTestId('chat-log-item')
    expect(within(item).getByText('How does it start?')).toBeInTheDocument()
    expect(within(item).getByText('It starts with a welcome [1].')).toBeInTheDocument()
    expect(within(item).getByText('Guest')).toBeInTheDocument()
    expect(within(item).getByText('Bad')).toBeInTheDocument()
    expect(within(item).getByText('Comment: Too short')).toBeInTheDocument()
    await user.click(within(item).getByRole('button', { name: '[1] Intro 1:23' }))
    expect(onCitation).toHaveBeenCalledWith(citation)
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `/api/v1/groups/${GROUP}/chat/logs?format=csv`)
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true')
  })

  it('asks before clearing the history', async () => {
    withSessionCookie('csrf-2')
    let cleared = false
    const spy = mockApi({
      [`GET /api/v1/groups/${GROUP}/chat/logs`]: () => new Response(JSON.stringify(page(cleared ? [] : [log()])), { headers: { 'Content-Type': 'application/json' } }),
      [`DELETE /api/v1/groups/${GROUP}/chat/logs`]: () => {
        cleared = true
        return new Response(null, { status: 204 })
      },
    })
    const { user } = setup()
    await screen.findByTestId('chat-log-item')
    await user.click(screen.getByRole('button', { name: 'Clear history' }))
    const dialog = await screen.findByTestId('clear-history-dialog')
    expect(within(dialog).getByText('Clear the chat history?')).toBeInTheDocument()
    expect(requestsTo(spy, `DELETE /api/v1/groups/${GROUP}/chat/logs`)).toHaveLength(0)

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(requestsTo(spy, `DELETE /api/v1/groups/${GROUP}/chat/logs`)).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Clear history' }))
    await user.click(within(screen.getByTestId('clear-history-dialog')).getByRole('button', { name: 'Clear history' }))
    await waitFor(() => expect(requestsTo(spy, `DELETE /api/v1/groups/${GROUP}/chat/logs`)).toHaveLength(1))
    expect(requestsTo(spy, `DELETE /api/v1/groups/${GROUP}/chat/logs`)[0]!.headers.get('X-CSRF-Token')).toBe('csrf-2')
    expect(await screen.findByText('No questions yet')).toBeInTheDocument()
  })

  it('switches tabs with the keyboard and keeps the conversation', async () => {
    mockApi({ [`GET /api/v1/groups/${GROUP}/chat/logs`]: page([]) })
    const { user } = setup('/groups/g')
    const chatTab = screen.getByRole('tab', { name: 'Chat' })
    expect(chatTab).toHaveAttribute('aria-selected', 'true')
    await user.type(screen.getByLabelText('Your question'), 'draft')
    chatTab.focus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tab', { name: 'History' })).toHaveFocus()
    expect(screen.getByTestId('location')).toHaveTextContent('/groups/g?chatTab=history')
    await user.click(screen.getByRole('tab', { name: 'Chat' }))
    expect(screen.getByLabelText('Your question')).toHaveValue('draft')
  })

  it('shows the analytics', async () => {
    const analytics: ChatAnalytics = {
      questionsPerDay: [
        { date: '2026-03-11', count: 2 },
        { date: '2026-03-12', count: 5 },
      ],
      feedback: { good: 4, bad: 1, none: 2 },
      topScenes: [{ sceneId: citation.sceneId, videoId: citation.videoId, title: 'Intro', startMs: 83_000, endMs: 95_000, text: 'Welcome.', citations: 3 }],
      unanswered: [{ chatLogId: 'ffffffff-0000-4000-8000-000000000001', question: 'Who is the speaker?', createdAt: '2026-03-12T10:00:00Z' }],
    }
    mockApi({ [`GET /api/v1/groups/${GROUP}/chat/analytics`]: analytics })
    const { user, onCitation } = setup('/groups/g?chatTab=analytics')
    expect(await screen.findByTestId('chat-analytics', {}, { timeout: 5000 })).toBeInTheDocument()
    expect(screen.getByTestId('feedback-good')).toHaveTextContent('4')
    expect(screen.getByRole('table')).toHaveTextContent('5')
    expect(screen.getByText('Who is the speaker?')).toBeInTheDocument()
    expect(screen.getByText('cited 3 times')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Play Intro from 1:23' }))
    expect(onCitation).toHaveBeenCalledWith(expect.objectContaining({ sceneId: citation.sceneId, startMs: 83_000 }))
  })
})
