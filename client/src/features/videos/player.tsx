import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'

export interface PlayerControls {
  /** Where playback is, in milliseconds (updated on the media element's `timeupdate` and `seeked`). */
  currentMs: number
  /** Seeks the player to `ms` and starts playing (panels: the scene list, chat citations…). */
  seekTo: (ms: number) => void
  /**
   * Seeks the next media element that attaches (a page about to show another video, e.g. a citation of another
   * group member), then starts playing.
   */
  seekOnNextAttach: (ms: number) => void
  /** A callback ref for the `<video>`/`<audio>` element; the player component attaches it. */
  attach: (element: HTMLMediaElement | null) => void
}

const noop = () => {}
const PlayerContext = createContext<PlayerControls>({ currentMs: 0, seekTo: noop, seekOnNextAttach: noop, attach: noop })

/**
 * Shares one media element with the panels around it. The page wraps the player and the panels in a
 * `PlayerProvider`; the player attaches its element, the panels call `usePlayer().seekTo(ms)` and read
 * `currentMs` to follow playback.
 */
export function PlayerProvider({ children }: { children: ReactNode }) {
  const element = useRef<HTMLMediaElement | null>(null)
  const detach = useRef<() => void>(noop)
  const [currentMs, setCurrentMs] = useState(0)
  const pending = useRef<number | null>(null)

  const attach = useCallback((media: HTMLMediaElement | null) => {
    detach.current()
    detach.current = noop
    element.current = media
    if (!media) return
    const update = () => setCurrentMs(Math.round(media.currentTime * 1000))
    media.addEventListener('timeupdate', update)
    media.addEventListener('seeked', update)
    media.addEventListener('loadedmetadata', update)
    detach.current = () => {
      media.removeEventListener('timeupdate', update)
      media.removeEventListener('seeked', update)
      media.removeEventListener('loadedmetadata', update)
    }
    if (pending.current !== null) {
      const ms = pending.current
      pending.current = null
      play(media, ms)
      setCurrentMs(Math.round(ms))
    }
  }, [])

  const seekTo = useCallback((ms: number) => {
    const media = element.current
    if (!media) return
    play(media, ms)
    // Follow at once, rather than waiting for the next timeupdate.
    setCurrentMs(Math.round(Math.max(0, ms)))
  }, [])

  const seekOnNextAttach = useCallback((ms: number) => {
    pending.current = Math.max(0, ms)
  }, [])

  const value = useMemo(() => ({ currentMs, seekTo, seekOnNextAttach, attach }), [currentMs, seekTo, seekOnNextAttach, attach])
  return <PlayerContext value={value}>{children}</PlayerContext>
}

/** Sets the position (applied once metadata loads when it is not there yet) and starts playing. */
function play(media: HTMLMediaElement, ms: number) {
  media.currentTime = Math.max(0, ms) / 1000
  try {
    const playing = media.play() as Promise<void> | undefined
    // Autoplay policies may refuse; the position is set either way.
    playing?.catch(noop)
  } catch {
    // Environments without media playback (tests) throw here.
  }
}

/** The player of the surrounding `PlayerProvider` (a no-op player outside one). */
export function usePlayer(): PlayerControls {
  return useContext(PlayerContext)
}
