import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, mockApi } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import type { JobsOverview } from './queries'

const admin = me({ isAdmin: true, username: 'root', id: '00000000-0000-4000-8000-000000000001' })

function overview(queue: Partial<JobsOverview['queue']> = {}): JobsOverview {
  return {
    queue: { pending: 3, processing: 1, deadLetters: 2, scheduled: 0, running: 1, failed: 2, ...queue },
    jobs: { items: [], page: 1, pageSize: 20, totalCount: 0 },
  }
}

describe('admin: jobs', () => {
  it('shows the Redis depths as unknown while Redis is down, and the database counts as usual', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': admin,
      'GET /api/v1/admin/jobs': () => jsonResponse(overview({ pending: null, processing: null })),
    })
    renderApp('/admin/jobs')

    expect(await screen.findByTestId('queue-pending')).toHaveTextContent('—')
    expect(screen.getByTestId('queue-processing')).toHaveTextContent('—')
    expect(screen.getByTestId('queue-deadLetters')).toHaveTextContent('2')
  })

  it('shows the Redis depths when Redis answers', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': admin,
      'GET /api/v1/admin/jobs': () => jsonResponse(overview()),
    })
    renderApp('/admin/jobs')

    expect(await screen.findByTestId('queue-pending')).toHaveTextContent('3')
    expect(screen.getByTestId('queue-processing')).toHaveTextContent('1')
  })

  it('tells apart jobs created in the same minute: UUIDv7 ids share their first digits, so the short id is the end', async () => {
    const job = (id: string) => ({
      id,
      type: 'ProcessVideo',
      status: 'dead',
      attempts: 2,
      maxAttempts: 2,
      lastError: 'The AI provider could not be reached.',
      createdAt: '2026-11-30T10:00:00Z',
      updatedAt: '2026-11-30T10:00:00Z',
      finishedAt: '2026-11-30T10:00:00Z',
    })
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': admin,
      'GET /api/v1/admin/jobs': () =>
        jsonResponse({
          ...overview(),
          jobs: { items: [job('01a22c13-0000-7000-8000-0000000000aa'), job('01a22c13-0001-7000-8000-0000000000bb')], page: 1, pageSize: 20, totalCount: 2 },
        }),
    })
    renderApp('/admin/jobs')

    expect(await screen.findByRole('button', { name: 'Retry job ProcessVideo 000000aa' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Retry job ProcessVideo 000000bb' })).toBeInTheDocument()
  })
})
