import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../components/Card'
import { usePlayer } from '../videos/player'
import type { VideoStatus } from '../videos/queries'
import type { Citation } from './api'
import { ChatPanel } from './ChatPanel'
import { ChatUnavailable } from './ChatUnavailable'

export interface VideoChatSectionProps {
  videoId: string
  /** The video's status: until it is ready (nothing is indexed yet) a note instead of the chat. Default ready. */
  status?: VideoStatus
}

/**
 * "Ask this video" on the video detail page: the chat scoped to the video, whose citation chips seek the page's
 * player. Render it inside the page's `PlayerProvider`.
 */
export function VideoChatSection({ videoId, status = 'ready' }: VideoChatSectionProps) {
  const { t } = useTranslation()
  const { seekTo } = usePlayer()
  const onCitation = useCallback((citation: Citation) => seekTo(citation.startMs), [seekTo])
  return (
    <Card as="section" aria-labelledby="video-chat-heading" data-testid="video-chat">
      <h2 id="video-chat-heading" className="font-semibold text-slate-900">
        {t('chat.videoHeading')}
      </h2>
      <div className="mt-4">
        {status === 'ready' ? (
          <ChatPanel scope={{ kind: 'video', id: videoId }} onCitation={onCitation} />
        ) : (
          <ChatUnavailable>{t(status === 'failed' ? 'chat.failedVideo' : 'chat.notReady')}</ChatUnavailable>
        )}
      </div>
    </Card>
  )
}
