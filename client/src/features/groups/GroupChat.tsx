import { useTranslation } from 'react-i18next'
import type { Citation } from '../chat/api'
import { ChatPanel } from '../chat/ChatPanel'
import { ChatUnavailable } from '../chat/ChatUnavailable'
import { GroupChatTabs } from '../chat/GroupChatTabs'
import { usePlayer } from '../videos/player'
import { isSettled } from '../videos/queries'
import type { GroupVideo } from './queries'

/**
 * Why a group's chat has nothing to answer from yet, or null once one of its videos is ready: it has no video, its
 * videos are still being processed, or none could be processed. (Asked anyway, the answer would be a misleading
 * "nothing found, try other words".)
 */
export function chatBlocker(videos: Pick<GroupVideo, 'status'>[]): 'empty' | 'processing' | 'failed' | null {
  if (videos.some((video) => video.status === 'ready')) return null
  if (videos.length === 0) return 'empty'
  return videos.some((video) => !isSettled(video.status)) ? 'processing' : 'failed'
}

function useChatBlocker(videos: Pick<GroupVideo, 'status'>[]): string | undefined {
  const { t } = useTranslation()
  const blocker = chatBlocker(videos)
  return blocker ? t(`chat.groupNotReady.${blocker}`) : undefined
}

/**
 * A citation plays its moment: in the video on screen it seeks at once; in another member it selects that video
 * and seeks as soon as its player is there.
 */
function useCitationSeek(selectedId: string | undefined, select: (videoId: string) => void) {
  const { seekTo, seekOnNextAttach } = usePlayer()
  return (citation: Citation) => {
    if (citation.videoId === selectedId) {
      seekTo(citation.startMs)
      return
    }
    seekOnNextAttach(citation.startMs)
    select(citation.videoId)
  }
}

interface GroupChatProps {
  /** The group's videos: the chat shows only once one of them is ready. */
  videos: Pick<GroupVideo, 'status'>[]
  selectedId: string | undefined
  select: (videoId: string) => void
}

/** The owner's chat, history and analytics for a group (inside the page's PlayerProvider). */
export function OwnerGroupChat({ groupId, videos, selectedId, select }: GroupChatProps & { groupId: string }) {
  const onCitation = useCitationSeek(selectedId, select)
  return <GroupChatTabs groupId={groupId} onCitation={onCitation} unavailable={useChatBlocker(videos)} />
}

/** A guest's chat about a shared group (inside the page's PlayerProvider). */
export function SharedGroupChat({ token, videos, selectedId, select }: GroupChatProps & { token: string }) {
  const onCitation = useCitationSeek(selectedId, select)
  const unavailable = useChatBlocker(videos)
  return unavailable ? <ChatUnavailable>{unavailable}</ChatUnavailable> : <ChatPanel scope={{ kind: 'shared', token }} onCitation={onCitation} />
}
