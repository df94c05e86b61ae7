import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderComponent } from '../../test/component'
import { jsonResponse, mockApi } from '../../test/http'
import { usePlayer, PlayerProvider } from '../videos/player'
import { VideoChatSection } from './VideoChatSection'

const VIDEO = 'aaaaaaaa-0000-4000-8000-000000000001'

function Media() {
  const { attach, currentMs } = usePlayer()
  return (
    <>
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a silent test double */}
      <video ref={attach} data-testid="media" />
      <output data-testid="current-ms">{currentMs}</output>
    </>
  )
}

describe('VideoChatSection', () => {
  it('seeks the page player to a cited scene', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(() => Promise.resolve())
    mockApi({
      [`POST /api/v1/videos/${VIDEO}/chat`]: () =>
        jsonResponse({
          answer: 'See [1].',
          citations: [
            { n: 1, sceneId: 'cccccccc-0000-4000-8000-000000000001', videoId: VIDEO, title: 'Intro', startMs: 83_000, endMs: 95_000, text: 'Hi' },
          ],
          chatLogId: 'bbbbbbbb-0000-4000-8000-000000000001',
          feedbackToken: 't',
          model: 'extractive',
        }),
    })
    const { user } = renderComponent(
      <PlayerProvider>
        <Media />
        <VideoChatSection videoId={VIDEO} />
      </PlayerProvider>,
    )
    expect(screen.getByRole('heading', { name: 'Ask this video' })).toBeInTheDocument()
    await user.type(screen.getByLabelText('Your question'), 'Where?{Enter}')
    await user.click(await screen.findByRole('button', { name: '[1] Intro 1:23' }))
    expect(screen.getByTestId('current-ms')).toHaveTextContent('83000')
    expect(screen.getByTestId<HTMLVideoElement>('media').currentTime).toBe(83)
    expect(play).toHaveBeenCalled()
    // The answer's model says no language model is configured.
    expect(screen.getByTestId('extractive-note')).toBeInTheDocument()
  })

  it('waits for processing before offering the chat', () => {
    mockApi({})
    renderComponent(<VideoChatSection videoId={VIDEO} status="processing" />)
    expect(screen.getByText('You can ask questions once the video has been processed.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Your question')).not.toBeInTheDocument()
  })

  it('says what to do when processing failed, instead of waiting for it', () => {
    mockApi({})
    renderComponent(<VideoChatSection videoId={VIDEO} status="failed" />)
    expect(screen.getByTestId('chat-unavailable')).toHaveTextContent('Processing this video failed, so there is nothing to ask about. Reprocess it, or add subtitles, to ask questions.')
    expect(screen.queryByLabelText('Your question')).not.toBeInTheDocument()
  })
})
