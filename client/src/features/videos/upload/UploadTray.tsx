import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Me } from '../../../api/session'
import { cx } from '../../../lib/cx'
import { CheckCircleIcon, UploadIcon } from '../icons'
import { useUploadQueue } from './UploadQueue'
import type { UploadItem } from './useUploads'

/** How far the files still in flight are, 0–100 (waiting files count as not started). */
export function queuePercent(items: readonly UploadItem[]): number {
  let loaded = 0
  let total = 0
  for (const { state, file } of items) {
    if (state.kind === 'uploading') {
      loaded += Math.min(state.loaded, state.total)
      total += state.total
    } else if (state.kind === 'waiting') {
      total += file.size
    }
  }
  return total > 0 ? Math.floor((loaded / total) * 100) : 0
}

/**
 * The header's upload indicator: shown once files were submitted, with how far they are; it reopens the upload
 * dialog (which the user may have closed, or left with the page it was opened on).
 */
export function UploadTray() {
  const { t } = useTranslation()
  const { items, inFlight, openDialog, dialog } = useUploadQueue()
  const sent = items.filter((i) => i.state.kind !== 'ready' && i.state.kind !== 'rejected')
  if (sent.length === 0 || dialog.open) return null

  const running = sent.filter((i) => i.state.kind === 'waiting' || i.state.kind === 'uploading')
  const percent = queuePercent(running)
  const done = sent.filter((i) => i.state.kind === 'done').length
  const label = inFlight ? t('videos.upload.tray.running', { count: running.length, percent }) : t('videos.upload.tray.finished', { done, total: sent.length })

  return (
    <button
      type="button"
      onClick={() => openDialog()}
      data-testid="upload-tray"
      className={cx(
        'flex min-h-10 items-center gap-2 rounded-full border px-3 text-sm font-medium tabular-nums',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
        inFlight ? 'border-indigo-200 bg-indigo-50 text-indigo-800 hover:bg-indigo-100' : 'border-emerald-200 bg-emerald-50 text-emerald-800 hover:bg-emerald-100',
      )}
    >
      {inFlight ? <UploadIcon className="size-4 shrink-0" /> : <CheckCircleIcon className="size-4 shrink-0" />}
      {/* Narrow headers show the bare figure; the full sentence stays the button's name. */}
      <span className="sr-only sm:not-sr-only">{label}</span>
      <span aria-hidden="true" className="sm:hidden">
        {inFlight ? `${percent}%` : `${done}/${sent.length}`}
      </span>
    </button>
  )
}

/** The dialog and the sign-out question, with what they need (the dialog's form, Radix's alert dialog). */
const UploadDialogs = lazy(() => import('./UploadDialogs'))

/**
 * The upload dialog and the sign-out question, for the signed-in app shell (the queue itself sits above the routes).
 * Their code is fetched when first needed, so the first page's chunk stays without it.
 */
export function UploadHost({ user }: { user: Me }) {
  const { dialog, stopQuestion } = useUploadQueue()
  // Mounted from the first time it is needed on (and then kept, so the dialogs can close the way they do).
  const [wanted, setWanted] = useState(false)
  if ((dialog.open || stopQuestion) && !wanted) setWanted(true)
  return wanted ? (
    <Suspense fallback={null}>
      <UploadDialogs user={user} />
    </Suspense>
  ) : null
}
