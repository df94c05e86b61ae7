/**
 * In place of the chat when there is nothing to ask about yet: says why, and what to wait for or do. Framed like the
 * chat's own empty state, so it reads on the page's background as well as inside a card.
 */
export function ChatUnavailable({ children }: { children: string }) {
  return (
    <p className="rounded-xl border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600" data-testid="chat-unavailable">
      {children}
    </p>
  )
}
