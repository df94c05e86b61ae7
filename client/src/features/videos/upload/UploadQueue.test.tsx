import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, mockApi, requestsTo } from '../../../test/http'
import { renderApp } from '../../../test/render'
import { me, withSessionCookie } from '../../../test/session'
import { holdUploads, mediaFile, watchXhrs } from '../../../test/uploads'
import { video, videosRoute } from '../../../test/videos'
import type { Video } from '../queries'
// The app fetches the dialog's chunk on first opening; loading the module up front keeps that out of the first test's time.
import './UploadDialogs'

function queueApi() {
  const videos: Video[] = [video({ title: 'Existing video', status: 'ready' })]
  let announced = 0
  const fetch = mockApi({
    'GET /api/v1/me': me(),
    'GET /api/v1/videos': videosRoute(() => videos),
    'GET /api/v1/tags': [],
    'GET /api/v1/groups': { items: [], page: 1, pageSize: 12, totalCount: 0 },
    'POST /api/v1/videos/uploads': async (request: Request) => {
      const body = (await request.json()) as { sizeBytes: number }
      const id = `00000000-0000-4000-8000-${String(++announced).padStart(12, '0')}`
      return jsonResponse({ id, uploadUrl: `/api/v1/videos/uploads/${id}`, sizeBytes: body.sizeBytes, expiresAt: '2026-01-02T00:00:00Z' }, { status: 201 })
    },
    'POST /api/v1/auth/logout': () => {
      document.cookie = 'csrf_token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
      return new Response(null, { status: 204 })
    },
  })
  return { fetch, videos }
}

/** Opens the upload dialog on the videos page and starts sending one file; returns its held PUT and the XHRs. */
async function startUpload() {
  const uploads = holdUploads()
  const xhrs = watchXhrs()
  const rendered = renderApp('/videos')
  const { user } = rendered
  await user.click(await screen.findByRole('button', { name: 'Upload videos' }))
  const dialog = await screen.findByRole('dialog', { name: 'Upload videos' })
  await user.upload(within(dialog).getByTestId('upload-input'), mediaFile('clip.mp4', 400))
  await user.click(within(dialog).getByRole('button', { name: 'Upload 1 file' }))
  await waitFor(() => expect(uploads).toHaveLength(1))
  return { ...rendered, dialog, upload: uploads[0]!, xhrs }
}

/** Whether leaving the page now would make the browser ask (a `beforeunload` listener cancels the event). */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('videos: the upload queue lives above the routes', () => {
  it('keeps uploading after navigating to another page, with its progress in the header, until it completes', async () => {
    withSessionCookie()
    const { videos } = queueApi()
    const { user, dialog, upload, xhrs, router } = await startUpload()
    xhrs.progress(0, 100, 400)

    // Hide the dialog and go to the groups page: the videos page (which opened the dialog) is gone.
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!)
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Groups' }))
    // (The groups page is a lazily loaded chunk: its first import can take a while on a busy machine.)
    expect(await screen.findByRole('heading', { level: 1, name: 'Groups' }, { timeout: 5000 })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/groups')
    expect(xhrs.aborted(0)).toBe(false)
    expect(screen.getByRole('button', { name: 'Uploading 1 file, 25%' })).toBeInTheDocument()

    xhrs.progress(0, 300, 400)
    expect(screen.getByRole('button', { name: 'Uploading 1 file, 75%' })).toBeInTheDocument()

    // The other language's tree is another layout: the queue is above both.
    await act(() => router.navigate('/ja/groups'))
    expect(await screen.findByRole('button', { name: '1 個のファイルをアップロード中 (75%)' })).toBeInTheDocument()
    await act(() => router.navigate('/groups'))

    const created = video({ title: 'clip', status: 'queued' })
    videos.unshift(created)
    await upload.respond(201, created)
    const tray = await screen.findByRole('button', { name: '1 of 1 uploaded' })
    await user.click(tray)
    const reopened = screen.getByRole('dialog', { name: 'Upload videos' })
    expect(within(reopened).getByTestId('upload-done')).toHaveTextContent('Uploaded, queued for processing')
    await user.click(within(reopened).getByRole('button', { name: 'Done' }))
    expect(screen.queryByTestId('upload-tray')).not.toBeInTheDocument()
  })

  it('asks before the tab is closed only while bytes are moving', async () => {
    withSessionCookie()
    queueApi()
    expect(leavingAsks()).toBe(false)

    const { upload, xhrs } = await startUpload()
    expect(leavingAsks()).toBe(true)
    xhrs.progress(0, 400, 400)
    expect(leavingAsks()).toBe(true)

    await upload.respond(201, video({ title: 'clip' }))
    expect(await screen.findByTestId('upload-done')).toBeInTheDocument()
    expect(leavingAsks()).toBe(false)
  })

  it('asks before signing out cancels the uploads', async () => {
    withSessionCookie()
    const { fetch } = queueApi()
    const { user, dialog, xhrs } = await startUpload()
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' })[0]!)

    const signOut = async () => {
      await user.click(screen.getByRole('button', { name: 'Account menu for alice' }))
      await user.click(screen.getByText('Sign out'))
      // (A dialog, or with Radix an alertdialog: found by its test id, checked by its name.)
      const question = await screen.findByTestId('upload-stop-dialog')
      expect(question).toHaveAccessibleName('Sign out and cancel the uploads?')
      return question
    }

    await user.click(within(await signOut()).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/auth/logout')).toHaveLength(0)
    expect(xhrs.aborted(0)).toBe(false)

    await user.click(within(await signOut()).getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByTestId('landing')).toBeInTheDocument()
    expect(requestsTo(fetch, 'POST /api/v1/auth/logout')).toHaveLength(1)
    await waitFor(() => expect(xhrs.aborted(0)).toBe(true))
    expect(screen.queryByTestId('upload-tray')).not.toBeInTheDocument()
    expect(leavingAsks()).toBe(false)
  })
})
