import type { ReactNode } from 'react'

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the character references an HTML-escaping server produces (`&lt;`, `&#39;`, `&#x27;`…). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

/**
 * A search snippet as React nodes, never as HTML: `<b>…</b>` become `<mark>` highlights, everything else is text
 * (entities decoded, any other tag shown as the literal text it is). So a `<script>` in a transcript can never be
 * inserted into the page, whatever the server sends.
 */
export function renderSnippet(snippet: string): ReactNode[] {
  const out: ReactNode[] = []
  let bold = false
  let key = 0
  for (const part of snippet.split(/(<\/?b>)/i)) {
    const lower = part.toLowerCase()
    if (lower === '<b>') bold = true
    else if (lower === '</b>') bold = false
    else if (part) {
      const text = decodeEntities(part)
      out.push(
        bold ? (
          <mark key={key++} className="rounded-sm bg-amber-100 px-0.5 font-semibold text-slate-900">
            {text}
          </mark>
        ) : (
          text
        ),
      )
    }
  }
  return out
}
