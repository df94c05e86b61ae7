import type { QueryClient } from '@tanstack/react-query'

/**
 * What one tab tells the others about the session (the cookies are shared, so
 * the others' cached user is stale at once): a sign-out ends theirs too, a
 * sign-in makes them load the profile.
 */
export type SessionMessage = { type: 'signedOut' } | { type: 'signedIn'; userId: string }

export const SESSION_CHANNEL = 'askvideo.session'

/** The channel each query client (one per tab) talks through; a BroadcastChannel never hears its own messages. */
const channels = new WeakMap<QueryClient, BroadcastChannel>()

function isSessionMessage(value: unknown): value is SessionMessage {
  if (typeof value !== 'object' || value === null) return false
  const message = value as { type?: unknown; userId?: unknown }
  return message.type === 'signedOut' || (message.type === 'signedIn' && typeof message.userId === 'string')
}

/**
 * Opens this tab's end of the session channel and calls `onMessage` for what
 * other tabs announce. Returns the function that closes it. Without
 * BroadcastChannel (old browsers) tabs simply do not hear each other.
 */
export function connectSessionChannel(queryClient: QueryClient, onMessage: (message: SessionMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {}
  const channel = new BroadcastChannel(SESSION_CHANNEL)
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSessionMessage(event.data)) onMessage(event.data)
  }
  channels.set(queryClient, channel)
  return () => {
    if (channels.get(queryClient) === channel) channels.delete(queryClient)
    channel.close()
  }
}

/** Tells the other tabs (those of the same browser profile and origin). */
export function announceSession(queryClient: QueryClient, message: SessionMessage): void {
  channels.get(queryClient)?.postMessage(message)
}
