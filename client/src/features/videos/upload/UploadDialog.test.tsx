import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Me } from '../../../api/session'
import { jsonResponse, mockApi, problemResponse, requestsTo, server } from '../../../test/http'
import { holdUploads, mediaFile, watchXhrs } from '../../../test/uploads'
import { renderApp } from '../../../test/render'
import { me, withSessionCookie } from '../../../test/session'
import { video, videosRoute } from '../../../test/videos'
import type { Video } from '../queries'
import { group, groupSummary, groupVideo } from '../../../test/groups'
import { http } from 'msw'
// The app fetches the dialog's chunk on first opening; loading the module up front keeps that out of the first test's time.
import './UploadDialogs'

const existing = video({ title: 'Existing video', status: 'ready' })

let announced = 0

/** Answers an announcement like the server: the URL to PUT the bytes to. */
async function announce(request: Request) {
  const body = (await request.json()) as { sizeBytes: number }
  const id = `00000000-0000-4000-8000-${String(++announced).padStart(12, '0')}`
  return jsonResponse(
    { id, uploadUrl: `/api/v1/videos/uploads/${id}`, sizeBytes: body.sizeBytes, expiresAt: '2026-01-02T00:00:00Z' },
    { status: 201 },
  )
}

function uploadApi(profile: Me = me()) {
  const videos: Video[] = [existing]
  const fetch = mockApi({
    'GET /api/v1/me': profile,
    'GET /api/v1/videos': videosRoute(() => videos),
    'GET /api/v1/tags': [{ id: 't1', name: 'work', color: '#4f46e5', videoCount: 1, createdAt: '2026-01-01T00:00:00Z' }],
    'POST /api/v1/auth/refresh': () => new Response(null, { status: 200 }),
    'POST /api/v1/videos/uploads': announce,
  })
  return { fetch, videos }
}

/** What the app announced, in order. */
async function announcements(fetch: ReturnType<typeof mockApi>) {
  return Promise.all(requestsTo(fetch, 'POST /api/v1/videos/uploads').map((r) => r.json()))
}

async function openDialog(path = '/videos') {
  const rendered = renderApp(path)
  await rendered.user.click(await screen.findByRole('button', { name: 'Upload videos' }))
  // (The dialog's code is fetched on its first opening.)
  const dialog = await screen.findByRole('dialog', { name: 'Upload videos' })
  return { ...rendered, dialog }
}

describe('videos: upload dialog', () => {
  it('announces the file, then PUTs it with XHR and shows real progress; the list refreshes', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const xhrs = watchXhrs()
    const { fetch, videos } = uploadApi()
    const { user, dialog } = await openDialog()

    expect(within(dialog).getByText('Video or audio files, up to 2 GB each.')).toBeInTheDocument()
    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('Team call.mp4', 100))
    const title = within(dialog).getByRole('textbox', { name: 'Title for Team call.mp4' })
    expect(title).toHaveValue('Team call')
    await user.clear(title)
    await user.type(title, 'Weekly team call')
    await user.type(within(dialog).getByLabelText('Description', { exact: false }), 'Notes from Monday')
    await user.type(within(dialog).getByRole('combobox', { name: /Tags/ }), 'wor')
    await user.click(within(dialog).getByRole('option', { name: 'work' }))
    await user.type(within(dialog).getByRole('combobox', { name: /Tags/ }), 'planning{Enter}')
    expect(within(dialog).getByRole('button', { name: 'Remove tag planning' })).toBeInTheDocument()
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Spoken language' }), 'English')
    await user.upload(within(dialog).getByLabelText(/Subtitles/), new File(['WEBVTT\n'], 'call.vtt', { type: 'text/vtt' }))

    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    await waitFor(() => expect(within(dialog).getByRole('heading', { name: '0 of 1 uploaded' })).toHaveFocus())
    // The fields (and the subtitles' text) go with the announcement, the file alone in the PUT.
    expect(await announcements(fetch)).toEqual([
      {
        fileName: 'Team call.mp4',
        sizeBytes: 100,
        title: 'Weekly team call',
        description: 'Notes from Monday',
        language: 'en',
        tags: ['work', 'planning'],
        subtitlesFileName: 'call.vtt',
        subtitles: 'WEBVTT\n',
      },
    ])
    const put = uploads[0]!.request
    expect(put.method).toBe('PUT')
    expect(new URL(put.url).pathname).toMatch(/^\/api\/v1\/videos\/uploads\/[0-9a-f-]{36}$/)
    expect(put.headers.get('X-CSRF-Token')).toBe('csrf-1')
    expect(put.headers.get('Content-Type')).toBe('application/octet-stream')
    expect(await put.text()).toBe(await mediaFile('Team call.mp4', 100).text())

    xhrs.progress(0, 0, 100)
    const bar = within(dialog).getByRole('progressbar', { name: 'Upload of Team call.mp4' })
    expect(bar).toHaveAttribute('aria-valuenow', '0')
    xhrs.progress(0, 25, 100)
    expect(bar).toHaveAttribute('aria-valuenow', '25')
    expect(within(dialog).getByTestId('upload-percent')).toHaveTextContent('25%')
    expect(bar).toHaveAttribute('aria-valuetext', '25 bytes of 100 bytes (25%)')
    xhrs.progress(0, 100, 100)
    expect(bar).toHaveAttribute('aria-valuenow', '100')
    expect(within(dialog).getByText('Checking the file on the server…')).toBeInTheDocument()

    const created = video({ title: 'Weekly team call', status: 'queued' })
    videos.unshift(created)
    const listsBefore = requestsTo(fetch, 'GET /api/v1/videos').length
    await uploads[0]!.respond(201, created)
    expect(await within(dialog).findByTestId('upload-done')).toHaveTextContent('Uploaded, queued for processing')
    expect(within(dialog).getByRole('heading', { name: '1 of 1 uploaded' })).toBeInTheDocument()
    await waitFor(() => expect(requestsTo(fetch, 'GET /api/v1/videos').length).toBeGreaterThan(listsBefore))

    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(await screen.findByRole('link', { name: 'Weekly team call' })).toBeInTheDocument()
    // A long journey (and the first render of the app in this file): more than the default 5 s on a busy machine.
  }, 15_000)

  it('rejects files that are too large or not media before sending anything', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    uploadApi(me({ limits: { videoLimit: null, maxUploadBytes: 1000 } }))
    const { user, dialog } = await openDialog()

    expect(within(dialog).getByText('Video or audio files, up to 1,000 bytes each.')).toBeInTheDocument()
    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('huge.mp4', 2000))
    fireEvent.drop(within(dialog).getByTestId('upload-dropzone'), {
      dataTransfer: { files: [new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' })] },
    })

    const rows = within(dialog).getAllByTestId('upload-row')
    expect(rows).toHaveLength(2)
    expect(within(rows[0]!).getByTestId('upload-error')).toHaveTextContent('This file is larger than your upload limit of 1,000 bytes.')
    expect(within(rows[1]!).getByTestId('upload-error')).toHaveTextContent('This is not a video or audio file.')
    const submit = within(dialog).getByRole('button', { name: 'Upload 1 file' })
    expect(submit).toBeDisabled()

    // Remove them and add a good one: only that one is sent.
    await user.click(within(dialog).getByRole('button', { name: 'Remove huge.mp4' }))
    await user.click(within(dialog).getByRole('button', { name: 'Remove notes.pdf' }))
    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('ok.mp4', 500))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    expect(await uploads[0]!.request.text()).toMatch(/^ok\.mp4/)
  })

  it('respects the video limit', async () => {
    withSessionCookie()
    holdUploads()
    uploadApi(me({ limits: { videoLimit: 3, maxUploadBytes: 10_000 }, usage: { videoCount: 2, storageBytes: 0 } }))
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), [mediaFile('a.mp4'), mediaFile('b.mp4')])
    const rows = within(dialog).getAllByTestId('upload-row')
    expect(rows[0]).toHaveAttribute('data-state', 'ready')
    expect(within(rows[1]!).getByTestId('upload-error')).toHaveTextContent('This would go over your limit of 3 videos.')
    expect(within(dialog).getByText('Subtitles can be added when you upload a single file.')).toBeInTheDocument()
    expect(within(dialog).getByText('The description, tags and language apply to every file.')).toBeInTheDocument()
  })

  it('explains a full library before any file is chosen', async () => {
    withSessionCookie()
    uploadApi(me({ limits: { videoLimit: 3, maxUploadBytes: 10_000 }, usage: { videoCount: 3, storageBytes: 0 } }))
    const { dialog } = await openDialog()
    expect(within(dialog).getByText('You have reached your video limit')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Choose files' })).toBeDisabled()
  })

  it('cancel aborts the request; retry sends it again', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const xhrs = watchXhrs()
    uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4'))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    xhrs.progress(0, 30, 100)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the upload of clip.mp4' }))
    expect(xhrs.aborted(0)).toBe(true)
    expect(await within(dialog).findByText('Cancelled')).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Retry the upload of clip.mp4' }))
    await waitFor(() => expect(uploads).toHaveLength(2))
    expect(within(dialog).getByRole('progressbar', { name: 'Upload of clip.mp4' })).toBeInTheDocument()
  })

  it('sends at most two files at a time', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), [mediaFile('a.mp4'), mediaFile('b.mp4'), mediaFile('c.mp4')])
    await user.click(within(dialog).getByRole('button', { name: 'Upload 3 files' }))
    await waitFor(() => expect(uploads).toHaveLength(2))
    expect(within(dialog).getByText('Waiting for its turn…')).toBeInTheDocument()
    await uploads[0]!.respond(201, video({ title: 'a' }))
    await waitFor(() => expect(uploads).toHaveLength(3))
    expect(await uploads[2]!.request.text()).toMatch(/^c\.mp4/)
  })

  it('after a 401 it renews the session once and sends the file again', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const { fetch } = uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4'))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    await uploads[0]!.respond(401, { title: 'Unauthorized', status: 401, code: 'unauthenticated' })
    await waitFor(() => expect(uploads).toHaveLength(2))
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(1)
    // The same announced upload: nginx refused the first PUT before taking its body.
    expect(requestsTo(fetch, 'POST /api/v1/videos/uploads')).toHaveLength(1)
    expect(uploads[1]!.request.url).toBe(uploads[0]!.request.url)
    expect(await uploads[1]!.request.text()).toMatch(/^clip\.mp4/)
    await uploads[1]!.respond(201, video({ title: 'clip' }))
    expect(await within(dialog).findByTestId('upload-done')).toBeInTheDocument()
  })

  it('maps problem codes to messages', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), [mediaFile('a.mp4'), mediaFile('b.mp4')])
    await user.click(within(dialog).getByRole('button', { name: 'Upload 2 files' }))
    await waitFor(() => expect(uploads).toHaveLength(2))
    await uploads[0]!.respond(422, {
      title: 'Unprocessable',
      status: 422,
      code: 'unsupported_media',
      detail: 'This file is not a playable video or audio file.',
    })
    // nginx's own 413 page is HTML, not problem+json.
    await uploads[1]!.respond(413, '<html><body>413 Request Entity Too Large</body></html>')
    const errors = await within(dialog).findAllByTestId('upload-error')
    expect(errors.map((e) => e.textContent)).toEqual([
      'The server could not find any video or audio in this file.',
      'This file is larger than your upload limit of 2 GB.',
    ])
  })

  it('shows a refused announcement without sending the file', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    uploadApi()
    server.use(
      http.post('/api/v1/videos/uploads', () =>
        problemResponse({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'video_limit_reached', detail: 'You have reached your limit.' }),
      ),
    )
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4'))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))

    expect(await within(dialog).findByTestId('upload-error')).toHaveTextContent('This would go over your limit of 10 videos.')
    expect(uploads).toHaveLength(0)
  })

  it('closing while files are being sent leaves them going; cancelling them asks first', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const xhrs = watchXhrs()
    uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4'))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    expect(within(dialog).getByText(/the uploads go on while you use the app/)).toBeInTheDocument()

    await user.click(within(dialog).getByRole('button', { name: 'Cancel uploads' }))
    const warning = within(dialog).getByRole('alert')
    expect(warning).toHaveTextContent('Cancel the uploads?')
    expect(within(warning).getByRole('button', { name: 'Keep uploading' })).toHaveFocus()
    await user.click(within(warning).getByRole('button', { name: 'Keep uploading' }))
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
    expect(xhrs.aborted(0)).toBe(false)

    // The dialog's own close button (like Escape) only hides it: the header shows the upload and reopens it.
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(xhrs.aborted(0)).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Uploading 1 file, 0%' }))
    const reopened = screen.getByRole('dialog', { name: 'Upload videos' })
    expect(within(reopened).getByRole('progressbar', { name: 'Upload of clip.mp4' })).toBeInTheDocument()

    await user.click(within(reopened).getByRole('button', { name: 'Cancel uploads' }))
    await user.click(within(within(reopened).getByRole('alert')).getByRole('button', { name: 'Cancel uploads' }))
    expect(xhrs.aborted(0)).toBe(true)
    expect(await within(reopened).findByText('Cancelled')).toBeInTheDocument()
    await user.click(within(reopened).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByTestId('upload-tray')).not.toBeInTheDocument()
  })

  it('checks subtitles and titles before sending', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const { fetch } = uploadApi()
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4'))
    await user.clear(within(dialog).getByRole('textbox', { name: 'Title for clip.mp4' }))
    fireEvent.change(within(dialog).getByLabelText(/Subtitles/), { target: { files: [new File(['x'], 'notes.txt', { type: 'text/plain' })] } })
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    expect(within(dialog).getByText('Enter a title.')).toBeInTheDocument()
    expect(within(dialog).getByText('Choose an .srt or .vtt file.')).toBeInTheDocument()
    expect(uploads).toHaveLength(0)
    expect(requestsTo(fetch, 'POST /api/v1/videos/uploads')).toHaveLength(0)
  })

  it('works in Japanese', async () => {
    withSessionCookie()
    holdUploads()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/videos': () => jsonResponse({ items: [existing], page: 1, pageSize: 12, totalCount: 1 }),
      'GET /api/v1/tags': [],
    })
    const { user } = renderApp('/ja/videos')
    await user.click(await screen.findByRole('button', { name: '動画をアップロード' }))
    const dialog = await screen.findByRole('dialog', { name: '動画をアップロード' })
    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('会議.mp4'))
    expect(within(dialog).getByRole('button', { name: '1 個のファイルをアップロード' })).toBeEnabled()
  })
  it('sends the chosen group as groupId', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const sales = group({ name: 'Sales' })
    const support = group({ name: 'Support' })
    const { fetch } = uploadApi()
    server.use(http.get('/api/v1/groups', () => jsonResponse({ items: [sales, support].map(groupSummary), page: 1, pageSize: 100, totalCount: 2 })))
    const { user, dialog } = await openDialog()

    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('call.mp4', 100))
    const picker = await within(dialog).findByRole('combobox', { name: 'Group' })
    expect(picker).toHaveValue('')
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['No group', 'Sales', 'Support'])
    await user.selectOptions(picker, 'Support')
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))

    const groups = requestsTo(fetch, 'GET /api/v1/groups').map((r) => new URL(r.url))
    expect(groups[0]!.searchParams.get('pageSize')).toBe('100')
    await waitFor(() => expect(uploads).toHaveLength(1))
    expect(await announcements(fetch)).toEqual([{ fileName: 'call.mp4', sizeBytes: 100, title: 'call', groupId: support.id }])
  })

  it('preselects the group when opened from its page', async () => {
    withSessionCookie()
    const uploads = holdUploads()
    const target = group({ name: 'Training', videos: [groupVideo()] })
    const fetch = mockApi({
      'POST /api/v1/videos/uploads': announce,
      'GET /api/v1/me': me(),
      'GET /api/v1/groups': { items: [groupSummary(target)], page: 1, pageSize: 100, totalCount: 1 },
      [`GET /api/v1/groups/${target.id}`]: target,
      [`GET /api/v1/videos/${target.videos[0]!.id}/transcript`]: { videoId: target.videos[0]!.id, language: null, source: null, segments: [], scenes: [] },
    })
    const { user } = renderApp(`/groups/${target.id}`)
    await user.click(await screen.findByRole('button', { name: 'Upload to this group' }))
    const dialog = await screen.findByRole('dialog', { name: 'Upload videos' })
    await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('lesson.mp4', 100))
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Group' })).toHaveDisplayValue('Training'))
    await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
    await waitFor(() => expect(uploads).toHaveLength(1))
    expect((await announcements(fetch))[0]).toMatchObject({ groupId: target.id })
  })
})
