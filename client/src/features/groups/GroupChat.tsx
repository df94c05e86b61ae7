import type { Citation } from '../chat/api'
import { ChatPanel } from '../chat/ChatPanel'
import { GroupChatTabs } from '../chat/GroupChatTabs'
import { usePlayer } from '../videos/player'

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

/** The owner's chat, history and analytics for a group (inside the page's PlayerProvider). */
export function OwnerGroupChat({ groupId, selectedId, select }: { groupId: string; selectedId: string | undefined; select: (videoId: string) => void }) {
  const onCitation = useCitationSeek(selectedId, select)
  return <GroupChatTabs groupId={groupId} onCitation={onCitation} />
}

/** A guest's chat about a shared group (inside the page's PlayerProvider). */
export function SharedGroupChat({ token, selectedId, select }: { token: string; selectedId: string | undefined; select: (videoId: string) => void }) {
  const onCitation = useCitationSeek(selectedId, select)
  return <ChatPanel scope={{ kind: 'shared', token }} onCitation={onCitation} />
}
