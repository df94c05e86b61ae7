import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { LocationProbe, renderComponent } from '../../test/component'
import { mockApi, requestsTo } from '../../test/http'
import type { SearchResult } from './api'
import { MomentSearch } from './MomentSearch'
import { SearchPage } from './SearchPage'

const result: SearchResult = {
  sceneId: 'cccccccc-0000-4000-8000-000000000001',
  videoId: 'aaaaaaaa-0000-4000-8000-000000000001',
  title: 'Intro',
  startMs: 83_000,
  endMs: 95_000,
  text: 'The <script>alert(1)</script> intro',
  snippet: 'The &lt;script&gt;alert(1)&lt;/script&gt; <b>intro</b> <script>alert(2)</script><img src=x onerror=alert(3)>',
  score: 0.9,
}

describe('MomentSearch', () => {
  it('searches after typing stops and renders snippets safely', async () => {
    const onOpen = vi.fn()
    const spy = mockApi({ 'GET /api/v1/search': { items: [result] } })
    const { user, container } = renderComponent(<MomentSearch groupId="g-1" onOpen={onOpen} />)
    await user.type(screen.getByLabelText('Find a moment'), 'intro')
    const snippet = await screen.findByTestId('search-snippet')
    // Debounced: one request for the whole word.
    const requests = requestsTo(spy, 'GET /api/v1/search')
    expect(requests).toHaveLength(1)
    const url = new URL(requests[0]!.url)
    expect(url.searchParams.get('q')).toBe('intro')
    expect(url.searchParams.get('groupId')).toBe('g-1')
    expect(url.searchParams.has('videoId')).toBe(false)

    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
    expect(within(snippet).getByText('intro').tagName).toBe('MARK')
    expect(snippet).toHaveTextContent('The <script>alert(1)</script> intro <script>alert(2)</script><img src=x onerror=alert(3)>')
    expect(screen.getByText('1:23–1:35')).toBeInTheDocument()

    await user.click(screen.getByTestId('search-result'))
    expect(onOpen).toHaveBeenCalledWith(result)
  })

  it('says when nothing matches', async () => {
    mockApi({ 'GET /api/v1/search': { items: [] } })
    const { user } = renderComponent(<MomentSearch videoId="v-1" onOpen={() => {}} />)
    await user.type(screen.getByLabelText('Find a moment'), 'zebra')
    expect(await screen.findByText('No moment matches “zebra”.')).toBeInTheDocument()
  })
})

describe('SearchPage', () => {
  it('opens the video at the moment, keeping the query in the URL', async () => {
    mockApi({ 'GET /api/v1/search': { items: [result] } })
    const { user } = renderComponent(<SearchPage />, {
      path: '/search?q=intro',
      routes: [{ path: '/videos/:id', element: <LocationProbe /> }],
    })
    expect(screen.getByLabelText('Find a moment')).toHaveValue('intro')
    await user.click(await screen.findByTestId('search-result'))
    await waitFor(() =>
      expect(screen.getAllByTestId('location').at(-1)).toHaveTextContent(`/videos/${result.videoId}?t=83000`),
    )
  })
})
