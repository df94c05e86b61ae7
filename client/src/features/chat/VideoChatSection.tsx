import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Card } from '../../components/Card'
import { usePlayer } from '../videos/player'
import type { Citation } from './api'
import { ChatPanel } from './ChatPanel'

export interface VideoChatSectionProps {
  videoId: string
  /** False while the video is not ready (nothing is indexed yet): a note instead of the chat. Default true. */
  ready?: boolean
}

/**
 * "Ask this video" on the video detail page: the chat scoped to the video, whose citation chips seek the page's
 * player. Render it inside the page's `PlayerProvider`.
 */
export function VideoChatSection({ videoId, ready = true }: VideoChatSectionProps) {
  const { t } = useTranslation()
  const { seekTo } = usePlayer()
  const onCitation = useCallback((citation: Citation) => seekTo(citation.startMs), [seekTo])
  return (
    <Card as="section" aria-labelledby="video-chat-heading" data-testid="video-chat">
      <h2 id="video-chat-heading" className="font-semibold text-slate-900">
        {t('chat.videoHeading')}
      </h2>
      <div className="mt-4">
        {ready ? (
          <ChatPanel scope={{ kind: 'video', id: videoId }} onCitation={onCitation} />
        ) : (
          <p className="rounded-xl bg-slate-50 p-4 text-sm text-slate-600">{t('chat.notReady')}</p>
        )}
      </div>
    </Card>
  )
}
