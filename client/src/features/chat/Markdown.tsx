import type { Element, ElementContent, Parents, Root } from 'hast'
import { useMemo } from 'react'
import ReactMarkdown, { type Components } from 'react-markdown'
import rehypeSanitize from 'rehype-sanitize'
import type { Citation } from './api'
import { CitationChip } from './citations'

/** `[3]`, and lists such as `[1, 2]`. */
const MARKER = /\[(\d+(?:\s*,\s*\d+)*)\]/g
/** Where markers stay as they are. */
const VERBATIM = new Set(['code', 'pre', 'a'])

/** Tag the plugin gives a citation; Markdown cannot produce it (no raw HTML, and it runs after sanitizing). */
const CITE_TAG = 'cite'

function splitText(value: string, known: ReadonlySet<number>): ElementContent[] {
  const out: ElementContent[] = []
  let last = 0
  for (const match of value.matchAll(MARKER)) {
    const start = match.index
    if (start > last) out.push({ type: 'text', value: value.slice(last, start) })
    const numbers = (match[1] ?? '').split(',').map((n) => Number.parseInt(n.trim(), 10))
    for (const n of numbers) {
      // An invented marker (no such citation) stays plain text.
      out.push(
        known.has(n)
          ? { type: 'element', tagName: CITE_TAG, properties: { dataN: String(n) }, children: [] }
          : { type: 'text', value: `[${n}]` },
      )
    }
    last = start + match[0].length
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) })
  return out
}

function walk(parent: Parents, known: ReadonlySet<number>) {
  const children: ElementContent[] = []
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'text') children.push(...splitText(child.value, known))
    else {
      if (child.type === 'element' && !VERBATIM.has(child.tagName)) walk(child, known)
      children.push(child)
    }
  }
  ;(parent as Element).children = children
}

/** A rehype plugin: `[n]` markers with a known citation become `<cite data-n>` elements (rendered as chips). */
function rehypeCitations(known: ReadonlySet<number>) {
  return () => (tree: Root) => walk(tree, known)
}

export interface MarkdownProps {
  text: string
  citations: readonly Citation[]
  onCitation: (citation: Citation) => void
}

/**
 * An answer as safe Markdown (no raw HTML, sanitized, `javascript:` links dropped) where `[n]` markers become
 * citation chips. Loaded on demand (React.lazy), so Markdown parsing stays out of the main bundle.
 */
export default function AnswerMarkdown({ text, citations, onCitation }: MarkdownProps) {
  const byN = useMemo(() => new Map(citations.map((c) => [c.n, c])), [citations])
  const rehypePlugins = useMemo(() => [rehypeSanitize, rehypeCitations(new Set(byN.keys()))], [byN])
  const components = useMemo<Components>(
    () => ({
      cite: ({ node }) => {
        const citation = byN.get(Number(node?.properties?.dataN))
        return citation ? <CitationChip citation={citation} onCitation={onCitation} /> : null
      },
      a: ({ node: _node, children, ...props }) => (
        <a {...props} target="_blank" rel="noopener noreferrer nofollow">
          {children}
        </a>
      ),
    }),
    [byN, onCitation],
  )
  return (
    <div className="answer-markdown space-y-2 text-sm leading-relaxed text-slate-800 [overflow-wrap:anywhere] [&_a]:font-semibold [&_a]:text-indigo-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-100 [&_pre]:p-2 [&_ul]:list-disc">
      <ReactMarkdown rehypePlugins={rehypePlugins} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  )
}
