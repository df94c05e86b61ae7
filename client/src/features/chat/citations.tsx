import { formatTimecode } from '../videos/transcript/queries'
import type { Citation } from './api'

/** "[1] Intro 1:23": what a citation chip shows (and is named by). */
export function citationLabel(citation: Pick<Citation, 'n' | 'title' | 'startMs'>): string {
  return `[${citation.n}] ${citation.title} ${formatTimecode(citation.startMs)}`
}

/** A button that plays the cited moment. */
export function CitationChip({ citation, onCitation }: { citation: Citation; onCitation: (c: Citation) => void }) {
  return (
    <button
      type="button"
      onClick={() => onCitation(citation)}
      title={citation.text}
      className="mx-0.5 inline-flex max-w-full items-baseline gap-1 rounded-md bg-indigo-50 px-1.5 py-0.5 align-baseline text-xs font-semibold text-indigo-800 ring-1 ring-indigo-200 ring-inset hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600"
      data-testid="citation-chip"
      data-scene-id={citation.sceneId}
    >
      <span className="truncate">
        [{citation.n}] {citation.title} <span className="font-mono tabular-nums">{formatTimecode(citation.startMs)}</span>
      </span>
    </button>
  )
}
