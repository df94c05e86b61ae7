import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { liveEvents } from '../../../test/sse'
import { deferred, jsonResponse, problemResponse, requestsTo } from '../../../test/http'
import { renderApp } from '../../../test/render'
import { withSessionCookie } from '../../../test/session'
import { detailApi, video } from '../../../test/videos'
import { videoKeys, type Video } from '../queries'
import { formatTimecode, sceneAt, toWebVtt, transcriptVersion, type Transcript } from './queries'

const VTT = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nHello and welcome.\n'

function transcript(videoId: string, overrides: Partial<Transcript> = {}): Transcript {
  return {
    videoId,
    language: 'en',
    source: 'subtitles',
    segments: [
      { index: 0, startMs: 0, endMs: 4000, text: 'Hello and welcome.' },
      { index: 1, startMs: 12_000, endMs: 20_000, text: 'Today: the budget.' },
    ],
    scenes: [
      { id: 's1', index: 0, startMs: 0, endMs: 12_000, text: 'Hello and welcome to the meeting.', tokenCount: 8 },
      { id: 's2', index: 1, startMs: 12_000, endMs: 61_000, text: 'Today we talk about the budget.', tokenCount: 9 },
      { id: 's3', index: 2, startMs: 61_000, endMs: 3_725_000, text: 'Questions and answers.', tokenCount: 4 },
    ],
    ...overrides,
  }
}

function readyVideo(overrides: Partial<Video> = {}): Video {
  return video({ title: 'Team meeting', status: 'ready', processedAt: '2026-03-02T10:00:00Z', ...overrides })
}

/** The transcript routes: JSON, and the WebVTT text when `?format=vtt`. */
function transcriptRoute(json: Transcript, vtt: string | null = VTT) {
  return (request: Request) => {
    const format = new URL(request.url).searchParams.get('format')
    if (!format) return jsonResponse(json)
    if (vtt === null) return problemResponse({ title: 'Not Found', status: 404, code: 'not_found' })
    return new Response(vtt, { headers: { 'Content-Type': 'text/vtt; charset=utf-8' } })
  }
}

let play: ReturnType<typeof vi.fn>
beforeEach(() => {
  play = vi.fn(() => Promise.resolve())
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play as unknown as () => Promise<void>)
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('transcript helpers', () => {
  it('formats time codes like a player', () => {
    expect(formatTimecode(0)).toBe('0:00')
    expect(formatTimecode(61_999)).toBe('1:01')
    expect(formatTimecode(3_725_000)).toBe('1:02:05')
  })

  it('finds the scene at a position', () => {
    const { scenes } = transcript('v')
    expect(sceneAt(scenes, 0)?.id).toBe('s1')
    expect(sceneAt(scenes, 12_000)?.id).toBe('s2')
    expect(sceneAt(scenes, 70_000)?.id).toBe('s3')
    expect(sceneAt(scenes.slice(1), 5_000)).toBeUndefined()
  })

  it('turns SubRip into WebVTT', () => {
    expect(toWebVtt('1\r\n00:00:01,500 --> 00:00:04,000\r\nHi there\r\n')).toBe('WEBVTT\n\n1\n00:00:01.500 --> 00:00:04.000\nHi there\n')
    expect(toWebVtt(VTT)).toBe(VTT)
  })
})

describe('videos: transcript on the detail page', () => {
  it('lists the scenes, seeks the player from a timestamp and follows playback', async () => {
    withSessionCookie()
    const clip = readyVideo()
    detailApi(clip, { [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)) })
    const { user } = renderApp(`/videos/${clip.id}`)

    const panel = await screen.findByTestId('transcript-panel')
    const list = await within(panel).findByRole('list', { name: 'Scenes' })
    const scenes = within(list).getAllByTestId('scene')
    expect(scenes).toHaveLength(3)
    expect(scenes[1]).toHaveTextContent('Today we talk about the budget.')
    expect(within(panel).getByRole('heading', { name: 'Transcript' })).toBeInTheDocument()
    expect(within(panel).getByTestId('scene-count')).toHaveTextContent('3 scenes')
    expect(within(panel).getByTestId('transcript-source')).toHaveTextContent('Subtitles')
    expect(within(panel).getByText('English')).toBeInTheDocument()
    expect(within(panel).getByRole('link', { name: 'Download SRT' })).toHaveAttribute(
      'href',
      `/api/v1/videos/${clip.id}/transcript?format=srt`,
    )
    expect(within(panel).getByRole('link', { name: 'Download VTT' })).toHaveAttribute(
      'href',
      `/api/v1/videos/${clip.id}/transcript?format=vtt`,
    )

    // Captions from the WebVTT endpoint.
    const player = screen.getByTestId<HTMLVideoElement>('video-player')
    const track = player.querySelector('track')!
    expect(track).toHaveAttribute('kind', 'captions')
    expect(track).toHaveAttribute('default')
    expect(track.getAttribute('src')).toMatch(new RegExp(`^/api/v1/videos/${clip.id}/transcript\\?format=vtt&v=`))

    // The first scene plays at 0.
    const first = within(list).getByRole('button', { name: 'Play 0:00–0:12' })
    expect(first).toHaveAttribute('aria-current', 'true')

    const second = within(list).getByRole('button', { name: 'Play 0:12–1:01' })
    expect(second).toHaveTextContent('0:12–1:01')
    await user.click(second)
    expect(player.currentTime).toBe(12)
    expect(play).toHaveBeenCalled()
    expect(second).toHaveAttribute('aria-current', 'true')
    expect(first).not.toHaveAttribute('aria-current')

    // Playback moves on: the highlight follows the media element's timeupdate.
    player.currentTime = 75.2
    fireEvent.timeUpdate(player)
    const third = within(list).getByRole('button', { name: 'Play 1:01–1:02:05' })
    await waitFor(() => expect(third).toHaveAttribute('aria-current', 'true'))
    expect(second).not.toHaveAttribute('aria-current')
  })

  it('fetches the transcript and new captions again when the video becomes ready live', async () => {
    withSessionCookie()
    const EventSource = liveEvents()
    const clip = video({ title: 'Lecture', status: 'processing', stage: 'indexing', progress: 90 })
    let json = transcript(clip.id, { segments: [], scenes: [], source: null, language: null })
    const { set } = detailApi(clip, {
      [`GET /api/v1/videos/${clip.id}/transcript`]: (request: Request) => transcriptRoute(json)(request),
    })
    renderApp(`/videos/${clip.id}`)
    const panel = await screen.findByTestId('transcript-panel')
    await within(panel).findByTestId('transcript-busy')
    const player = screen.getByTestId('video-player')
    expect(player.querySelector('track')).toBeNull()

    json = transcript(clip.id)
    set({ ...clip, status: 'ready', stage: null, progress: 100, processedAt: '2026-03-03T09:00:00Z' })
    const [stream] = EventSource.for(`/api/v1/videos/${clip.id}/events`)
    stream!.emit('status', { videoId: clip.id, status: 'ready', progress: 100 })

    expect(await within(panel).findAllByTestId('scene')).toHaveLength(3)
    await waitFor(() => expect(player.querySelector('track')).not.toBeNull())
    const firstVersion = player.querySelector('track')!.getAttribute('src')
    expect(firstVersion).toBe(`/api/v1/videos/${clip.id}/transcript?format=vtt&v=${transcriptVersion(json.segments)}`)
    expect(transcriptVersion(json.segments)).not.toBe(
      transcriptVersion(json.segments.map((s, i) => (i === 1 ? { ...s, text: 'Today: the plan.' } : s))),
    )
  })

  it('fetches the transcript when the video is found ready without a status event (opened from a cached, processing video)', async () => {
    // The e2e flake: "Add a sample video" caches the new video (queued); by the time its page opens the server has it
    // ready, and the page learns that from its own refetch of the video, not from a status event (the stream closes
    // once the video is settled, before its first event). A transcript fetched while the video was processing was
    // empty, and nothing fetched it again: the panel said "No transcript yet" for good.
    withSessionCookie()
    liveEvents()
    const clip = video({ title: 'Sample', status: 'processing', stage: 'indexing', progress: 90 })
    let json = transcript(clip.id, { segments: [], scenes: [], source: null, language: null })
    const transcriptServed = deferred<void>()
    detailApi(clip, {
      [`GET /api/v1/videos/${clip.id}/transcript`]: (request: Request) => {
        const answer = transcriptRoute(json)(request)
        transcriptServed.resolve()
        return answer
      },
      // The video becomes ready right after the page's first transcript fetch was answered (or a moment after the
      // page asked for the video, when it does not fetch the transcript of a video in the pipeline).
      [`GET /api/v1/videos/${clip.id}`]: async () => {
        await Promise.race([transcriptServed.promise, new Promise((resolve) => setTimeout(resolve, 100))])
        json = transcript(clip.id)
        return jsonResponse({ ...clip, status: 'ready', stage: null, progress: 100, processedAt: '2026-03-03T09:00:00Z' })
      },
    })
    renderApp(`/videos/${clip.id}`, { seed: (queryClient) => queryClient.setQueryData(videoKeys.detail(clip.id), clip) })
    const panel = await screen.findByTestId('transcript-panel')

    await waitFor(() => expect(screen.getByTestId('status-panel').querySelector('[data-status="ready"]')).not.toBeNull())
    expect(await within(panel).findAllByTestId('scene')).toHaveLength(3)
    expect(within(panel).queryByTestId('transcript-empty')).not.toBeInTheDocument()
  })

  it('says when there is no transcript, and adds no captions', async () => {
    withSessionCookie()
    const clip = readyVideo()
    detailApi(clip)
    renderApp(`/videos/${clip.id}`)
    const empty = await screen.findByTestId('transcript-empty')
    expect(empty).toHaveTextContent('The transcript appears here when processing finishes.')
    expect(screen.getByTestId('video-player').querySelector('track')).toBeNull()
  })

  it('shows an error with Retry when the transcript cannot be loaded', async () => {
    withSessionCookie()
    const clip = readyVideo()
    let fail = true
    detailApi(clip, {
      [`GET /api/v1/videos/${clip.id}/transcript`]: () =>
        fail ? problemResponse({ title: 'Server error', status: 500 }) : jsonResponse(transcript(clip.id)),
    })
    const { user } = renderApp(`/videos/${clip.id}`)
    const panel = await screen.findByTestId('transcript-panel')
    expect(await within(panel).findByRole('alert')).toHaveTextContent('Could not load the transcript')
    fail = false
    await user.click(within(panel).getByRole('button', { name: 'Retry' }))
    expect(await within(panel).findAllByTestId('scene')).toHaveLength(3)
  })

  it('shows the stage and progress instead of the scenes while processing', async () => {
    withSessionCookie()
    liveEvents()
    const clip = video({ status: 'processing', stage: 'indexing', progress: 40 })
    detailApi(clip, { [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)) })
    renderApp(`/videos/${clip.id}`)
    const busy = await within(await screen.findByTestId('transcript-panel')).findByTestId('transcript-busy')
    expect(busy).toHaveTextContent('Indexing for search')
    expect(within(busy).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40')
    expect(screen.queryByTestId('scene-list')).not.toBeInTheDocument()
  })
})

describe('videos: transcript editor', () => {
  it('loads the WebVTT, shows a 400 next to the text, then saves as text/vtt and follows the processing', async () => {
    withSessionCookie()
    liveEvents()
    const clip = readyVideo()
    let attempts = 0
    const { fetch, path, set } = detailApi(clip, {
      [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)),
      [`PUT /api/v1/videos/${clip.id}/transcript`]: () => {
        attempts++
        if (attempts === 1) {
          return problemResponse({
            title: 'One or more validation errors occurred.',
            status: 400,
            code: 'validation_failed',
            errors: { body: ['Line 3: “00:00:09.000 --> 00:00:04.000” is not a valid time range.'] },
          })
        }
        const queued: Video = { ...clip, status: 'queued', progress: 0 }
        set(queued)
        return jsonResponse(queued, { status: 202 })
      },
    })
    const { user } = renderApp(`/videos/${clip.id}`)

    await user.click(await screen.findByRole('button', { name: 'Edit transcript' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit transcript' })
    const text = await within(dialog).findByRole('textbox', { name: 'Transcript (WebVTT)' })
    expect(text).toHaveValue(VTT)
    await waitFor(() => expect(text).toHaveFocus())

    await user.clear(text)
    await user.type(text, 'WEBVTT{Enter}{Enter}00:00:09.000 --> 00:00:04.000{Enter}Backwards')
    await user.click(within(dialog).getByRole('button', { name: 'Save and re-index' }))

    expect(await within(dialog).findByText('Line 3: “00:00:09.000 --> 00:00:04.000” is not a valid time range.')).toBeInTheDocument()
    expect(text).toHaveAttribute('aria-invalid', 'true')
    expect(text).toHaveAccessibleDescription(/Line 3: .* is not a valid time range\./)
    await waitFor(() => expect(text).toHaveFocus())
    const [first] = requestsTo(fetch, `PUT ${path}/transcript`)
    expect(first!.headers.get('Content-Type')).toBe('text/vtt')
    expect(first!.headers.get('X-CSRF-Token')).toBe('csrf-1')
    expect(await first!.text()).toBe('WEBVTT\n\n00:00:09.000 --> 00:00:04.000\nBackwards')

    await user.clear(text)
    await user.type(text, 'WEBVTT{Enter}{Enter}00:00:01.000 --> 00:00:04.000{Enter}Forwards')
    expect(text).not.toHaveAttribute('aria-invalid')
    await user.click(within(dialog).getByRole('button', { name: 'Save and re-index' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(screen.getByText('The transcript was saved. The video is being re-indexed.')).toBeInTheDocument()
    expect(within(screen.getByTestId('status-panel')).getByTestId('video-status')).toHaveTextContent('Queued')
    expect(within(screen.getByTestId('transcript-panel')).getByTestId('transcript-busy')).toHaveTextContent('Waiting to be processed')
    const second = requestsTo(fetch, `PUT ${path}/transcript`)[1]!
    expect(second.headers.get('Content-Type')).toBe('text/vtt')
    expect(await second.text()).toBe('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nForwards')
  })

  it('cannot save while the video is being processed, and says why', async () => {
    withSessionCookie()
    liveEvents()
    const clip = video({ status: 'processing', stage: 'splitting', progress: 10 })
    detailApi(clip, { [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)) })
    const { user } = renderApp(`/videos/${clip.id}`)
    await user.click(await screen.findByRole('button', { name: 'Edit transcript' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit transcript' })
    await within(dialog).findByRole('textbox', { name: 'Transcript (WebVTT)' })
    const save = within(dialog).getByRole('button', { name: 'Save and re-index' })
    expect(save).toBeDisabled()
    expect(save).toHaveAccessibleDescription('You can save once the video has finished processing.')
  })

  it('asks before discarding edits, and Cancel closes without saving', async () => {
    withSessionCookie()
    const clip = readyVideo()
    const { fetch, path } = detailApi(clip, { [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)) })
    const { user } = renderApp(`/videos/${clip.id}`)
    await user.click(await screen.findByRole('button', { name: 'Edit transcript' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit transcript' })
    await within(dialog).findByRole('textbox', { name: 'Transcript (WebVTT)' })

    // No edits: Cancel just closes.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()

    // Focus went back to the opener.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Edit transcript' })).toHaveFocus())

    await user.click(screen.getByRole('button', { name: 'Edit transcript' }))
    const reopened = screen.getByRole('dialog', { name: 'Edit transcript' })
    await user.type(await within(reopened).findByRole('textbox', { name: 'Transcript (WebVTT)' }), 'More text')
    await user.click(within(reopened).getByRole('button', { name: 'Cancel' }))
    const confirm = within(reopened).getByRole('alert')
    expect(confirm).toHaveTextContent('Discard your changes?')
    expect(within(confirm).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    await user.click(within(confirm).getByRole('button', { name: 'Keep editing' }))
    expect(within(reopened).getByRole('textbox', { name: 'Transcript (WebVTT)' })).toHaveValue(`${VTT}More text`)

    // Escape asks too, and so does the close button.
    await user.keyboard('{Escape}')
    expect(within(reopened).getByRole('alert')).toHaveTextContent('Discard your changes?')
    await user.click(within(reopened).getByRole('button', { name: 'Keep editing' }))
    await user.click(within(reopened).getByRole('button', { name: 'Close' }))
    await user.click(within(reopened).getByRole('button', { name: 'Discard changes' }))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(requestsTo(fetch, `PUT ${path}/transcript`)).toHaveLength(0)

  })

  it('loads an .srt file into the editor as WebVTT', async () => {
    withSessionCookie()
    const clip = readyVideo()
    detailApi(clip, { [`GET /api/v1/videos/${clip.id}/transcript`]: transcriptRoute(transcript(clip.id)) })
    const { user } = renderApp(`/videos/${clip.id}`)
    await user.click(await screen.findByRole('button', { name: 'Edit transcript' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit transcript' })
    const text = await within(dialog).findByRole('textbox', { name: 'Transcript (WebVTT)' })
    const file = new File(['1\n00:00:01,000 --> 00:00:02,500\nFrom a file\n'], 'talk.srt', { type: 'application/x-subrip' })
    await user.upload(within(dialog).getByLabelText('Upload an .srt or .vtt file'), file)
    await waitFor(() => expect(text).toHaveValue('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nFrom a file\n'))
    expect(within(dialog).getByText('Loaded talk.srt. Review it, then save.')).toBeInTheDocument()
  })
})

describe('videos: processing failures', () => {
  it('explains no_transcript_source and opens the editor from "Upload subtitles"', async () => {
    withSessionCookie()
    const clip = video({
      title: 'Silent',
      status: 'failed',
      error: { code: 'no_transcript_source', message: 'No subtitles and no transcription provider.' },
    })
    detailApi(clip)
    const { user } = renderApp(`/videos/${clip.id}`)
    const failure = await screen.findByTestId('processing-failure')
    expect(failure).toHaveTextContent('Processing failed')
    expect(within(failure).getByTestId('failure-guidance')).toHaveTextContent(
      'Upload subtitles (.srt or .vtt) with the transcript editor, or ask your administrator to configure speech recognition.',
    )
    expect(within(failure).getByText('Error code: no_transcript_source')).toBeInTheDocument()
    expect(within(failure).getByRole('button', { name: 'Reprocess' })).toBeInTheDocument()
    await user.click(within(failure).getByRole('button', { name: 'Upload subtitles' }))

    const dialog = screen.getByRole('dialog', { name: 'Edit transcript' })
    // No transcript yet (404): an empty WebVTT document to start from.
    expect(await within(dialog).findByRole('textbox', { name: 'Transcript (WebVTT)' })).toHaveValue('WEBVTT\n\n')
    expect(within(dialog).getByLabelText('Upload an .srt or .vtt file')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Save and re-index' })).toBeEnabled()
  })

  it('links an invalid key to the AI settings, in English and Japanese', async () => {
    withSessionCookie()
    const clip = video({ status: 'failed', error: { code: 'invalid_openai_key', message: 'Incorrect API key provided.' } })
    detailApi(clip)
    renderApp(`/videos/${clip.id}`)
    const failure = await screen.findByTestId('processing-failure')
    expect(within(failure).getByTestId('failure-guidance')).toHaveTextContent('Fix your key in Settings')
    expect(within(failure).getByRole('link', { name: 'Open AI settings' })).toHaveAttribute('href', '/settings/ai')
    expect(within(failure).queryByRole('button', { name: 'Upload subtitles' })).not.toBeInTheDocument()
  })

  it('translates the codes in Japanese', async () => {
    withSessionCookie()
    const clip = video({ status: 'failed', error: { code: 'no_transcript_source', message: 'No source.' } })
    detailApi(clip)
    renderApp(`/ja/videos/${clip.id}`)
    const failure = await screen.findByTestId('processing-failure')
    expect(failure).toHaveTextContent('処理に失敗しました')
    expect(within(failure).getByTestId('failure-guidance')).toHaveTextContent('字幕（.srt または .vtt）をアップロード')
    expect(within(failure).getByRole('button', { name: '字幕をアップロード' })).toBeInTheDocument()
    expect(within(failure).getByRole('button', { name: '再処理' })).toBeInTheDocument()
  })
})
