import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { liveEvents } from '../../test/sse'
import { deferred, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import { detailApi, video } from '../../test/videos'
import { expectNoAxeViolations } from '../../test/axe'
import type { ErrorCode } from '../../api/errors'

describe('videos: detail page', () => {
  it('shows the player, the facts and the queued status', async () => {
    withSessionCookie()
    const clip = video({
      title: 'Board meeting',
      description: 'Quarterly numbers.',
      durationSeconds: 125,
      sizeBytes: 3 * 1024 ** 2,
      language: 'ja',
      hasSubtitles: true,
      groups: [{ id: 'g1', name: 'Meetings' }],
      tags: [{ id: 't1', name: 'work', color: '#4f46e5' }],
    })
    detailApi(clip)
    renderApp(`/videos/${clip.id}`)

    expect(await screen.findByRole('heading', { level: 1, name: 'Board meeting' })).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('Board meeting · AskVideo'))
    const player = screen.getByTestId('video-player')
    expect(player.tagName).toBe('VIDEO')
    expect(player).toHaveAttribute('src', `/api/v1/videos/${clip.id}/media`)
    expect(player).toHaveAttribute('controls')
    expect(player).toHaveAccessibleName('Player: Board meeting')

    const status = screen.getByTestId('status-panel')
    expect(within(status).getByTestId('video-status')).toHaveTextContent('Queued')
    expect(within(status).getByText('Waiting to be processed')).toBeInTheDocument()
    expect(within(status).queryByRole('button', { name: 'Reprocess' })).not.toBeInTheDocument()

    expect(screen.getByTestId('fact-duration')).toHaveTextContent('2:05')
    expect(screen.getByText('3 MB')).toBeInTheDocument()
    expect(screen.getByText('1280 × 720')).toBeInTheDocument()
    expect(screen.getByText('Japanese')).toBeInTheDocument()
    expect(screen.getByText('Included')).toBeInTheDocument()
    expect(screen.getByText('Meetings')).toBeInTheDocument()
    expect(screen.getByText('Quarterly numbers.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Show videos tagged work' })).toHaveAttribute('href', '/videos?tag=work')
    const transcript = screen.getByTestId('transcript-panel')
    expect(within(transcript).getByRole('heading', { name: 'Transcript' })).toBeInTheDocument()
    expect(within(transcript).getByTestId('transcript-busy')).toHaveTextContent('Waiting to be processed')
    expect(player.querySelector('track')).toBeNull()
    expect(screen.getByRole('link', { name: 'All videos' })).toHaveAttribute('href', '/videos')
    await expectNoAxeViolations()
  })

  it('a failed video shows the error, and Reprocess sends POST /reprocess', async () => {
    withSessionCookie()
    const clip = video({
      title: 'Silent film',
      status: 'failed',
      // A code this client does not know (a newer server).
      error: { code: 'no_speech' as ErrorCode, message: 'No speech was found in the audio.' },
    })
    const { fetch, path } = detailApi(clip)
    const { user } = renderApp(`/videos/${clip.id}`)

    const status = await screen.findByTestId('status-panel')
    expect(within(status).getByTestId('video-status')).toHaveTextContent('Failed')
    const failure = screen.getByTestId('processing-failure')
    expect(failure).toHaveAttribute('role', 'alert')
    // An unknown code: the server's message.
    expect(within(failure).getByTestId('failure-guidance')).toHaveTextContent('No speech was found in the audio.')
    expect(within(failure).getByText('Error code: no_speech')).toBeInTheDocument()
    expect(within(failure).queryByRole('button', { name: 'Upload subtitles' })).not.toBeInTheDocument()
    await user.click(within(failure).getByRole('button', { name: 'Reprocess' }))

    expect(await within(status).findByText('Waiting to be processed')).toBeInTheDocument()
    expect(within(status).getByTestId('video-status')).toHaveTextContent('Queued')
    expect(screen.queryByTestId('processing-failure')).not.toBeInTheDocument()
    expect(screen.getByText('The video was queued for processing.')).toBeInTheDocument()
    const [post] = requestsTo(fetch, `POST ${path}/reprocess`)
    expect(post!.headers.get('X-CSRF-Token')).toBe('csrf-1')
  })

  it('explains a reprocess conflict', async () => {
    withSessionCookie()
    const clip = video({ status: 'ready', processedAt: '2026-03-02T10:00:00Z' })
    detailApi(clip, {
      [`POST /api/v1/videos/${clip.id}/reprocess`]: () =>
        problemResponse({ title: 'Conflict', status: 409, code: 'already_processing', detail: 'This video is already queued or processing.' }),
    })
    const { user } = renderApp(`/videos/${clip.id}`)
    const status = await screen.findByTestId('status-panel')
    expect(within(status).getByText(/^Processed on/)).toBeInTheDocument()
    await user.click(within(status).getByRole('button', { name: 'Process again' }))
    expect(await within(status).findByRole('alert')).toHaveTextContent('This video is already queued or being processed.')
  })

  it('deletes after confirmation and goes back to the list', async () => {
    withSessionCookie()
    const clip = video({ title: 'Old recording', status: 'ready' })
    const { fetch, path } = detailApi(clip)
    const { user, router } = renderApp(`/videos/${clip.id}`)

    await user.click(await screen.findByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete this video?' })
    expect(dialog).toHaveTextContent('“Old recording” will be deleted with its file, transcript and search index.')
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await expectNoAxeViolations()
    await user.click(within(dialog).getByRole('button', { name: 'Delete video' }))

    await waitFor(() => expect(router.state.location.pathname).toBe('/videos'))
    expect(await screen.findByText('“Old recording” was deleted.')).toBeInTheDocument()
    expect(requestsTo(fetch, `DELETE ${path}`)).toHaveLength(1)
    expect(await screen.findByTestId('videos-empty')).toBeInTheDocument()
    // The deleted video's page is not fetched again on the way out.
    expect(requestsTo(fetch, `GET ${path}`)).toHaveLength(1)
  })

  it('edits the title, description and tags', async () => {
    withSessionCookie()
    const clip = video({ title: 'Draft', description: null, tags: [] })
    const { fetch, path } = detailApi(clip)
    const { user } = renderApp(`/videos/${clip.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit video' })
    const title = within(dialog).getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(within(dialog).getByText('Enter a title.')).toBeInTheDocument()
    expect(title).toHaveAttribute('aria-invalid', 'true')

    await user.type(title, 'Final cut')
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'The approved version.')
    await user.type(within(dialog).getByRole('combobox', { name: 'Tags' }), 'release,')
    await expectNoAxeViolations()
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByRole('heading', { level: 1, name: 'Final cut' })).toBeInTheDocument()
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByText('Your changes were saved.')).toBeInTheDocument()
    const [patch] = requestsTo(fetch, `PATCH ${path}`)
    expect(await patch!.json()).toEqual({ title: 'Final cut', description: 'The approved version.', tags: ['release'] })
  })

  it('the edit form: server field errors on their fields (tags[i] on the tag box), other problems in a focused alert, pending', async () => {
    withSessionCookie()
    const clip = video({ title: 'Draft', description: null, tags: [{ id: 't1', name: 'work', color: '#4f46e5' }] })
    const path = `/api/v1/videos/${clip.id}`
    let held = deferred<Response>()
    detailApi(clip, { [`PATCH ${path}`]: () => held.promise })
    const { user } = renderApp(`/videos/${clip.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit video' })
    const title = within(dialog).getByRole('textbox', { name: 'Title' })
    const tags = within(dialog).getByRole('combobox', { name: 'Tags' })
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Save changes' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(
      problemResponse({
        title: 'Validation failed',
        status: 400,
        code: 'validation_failed',
        errors: { title: ['The title cannot be empty.'], 'tags[0]': ['The tag is too long.'] },
      }),
    )

    await waitFor(() => expect(title).toHaveAccessibleDescription('The title cannot be empty.'))
    await waitFor(() => expect(title).toHaveFocus())
    expect(tags).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByText('The tag is too long.')).toBeInTheDocument()
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()

    held = deferred<Response>()
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    held.resolve(problemResponse({ title: 'Not Found', status: 404, code: 'not_found', detail: 'Video not found.' }))
    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent('Could not save the changes')
    await waitFor(() => expect(alert).toHaveFocus())
    expect(title).not.toHaveAttribute('aria-invalid')
  })

  it('follows processing live', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const clip = video({ title: 'Lecture', status: 'queued' })
    detailApi(clip)
    renderApp(`/videos/${clip.id}`)
    const status = await screen.findByTestId('status-panel')
    const [stream] = EventSource.for(`/api/v1/videos/${clip.id}/events`)
    stream!.emit('status', { videoId: clip.id, status: 'processing', stage: 'splitting', progress: 64 })
    expect(await within(status).findByText('Splitting into scenes')).toBeInTheDocument()
    expect(within(status).getByRole('progressbar', { name: 'Processing of Lecture' })).toHaveAttribute('aria-valuenow', '64')
  })

  it('says when the video does not exist', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/videos/00000000-0000-4000-8000-00000000dead': () => problemResponse({ title: 'Not Found', status: 404, code: 'not_found' }),
    })
    renderApp('/videos/00000000-0000-4000-8000-00000000dead')
    expect(await screen.findByRole('heading', { level: 1, name: 'Video not found' })).toBeInTheDocument()
  })

  it('is in Japanese under /ja', async () => {
    withSessionCookie()
    const clip = video({ title: '会議', status: 'failed', error: { code: 'x' as ErrorCode, message: '失敗しました' } })
    detailApi(clip)
    renderApp(`/ja/videos/${clip.id}`)
    const failure = await screen.findByTestId('processing-failure')
    expect(failure).toHaveTextContent('処理に失敗しました')
    expect(within(failure).getByTestId('failure-guidance')).toHaveTextContent('失敗しました')
    expect(within(failure).getByRole('button', { name: '再処理' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '動画一覧' })).toHaveAttribute('href', '/ja/videos')
    expect(screen.getByRole('button', { name: '編集' })).toBeInTheDocument()
  })
})
