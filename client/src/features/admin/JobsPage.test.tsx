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
})
