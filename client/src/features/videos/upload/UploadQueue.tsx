import { useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { SESSION_KEY, type Me } from '../../../api/session'
import { groupKeys } from '../../groups/queries'
import { refreshLibrary } from '../queries'
import { isInFlight, useUploads } from './useUploads'

/** The upload dialog's state: open or not, the group it preselects, and a counter that starts each opening afresh. */
export interface UploadDialogState {
  open: boolean
  groupId?: string
  opening: number
}

export type UploadQueue = ReturnType<typeof useUploads> & {
  /** Some file is waiting or being sent. */
  inFlight: boolean
  dialog: UploadDialogState
  openDialog: (groupId?: string) => void
  closeDialog: () => void
  /** Before something that would cut the uploads off (signing out): asks the user, resolves `true` to go on. */
  confirmStop: () => Promise<boolean>
  /** The question `confirmStop` asked, while it waits for an answer (rendered by the app shell). */
  stopQuestion: { answer: (go: boolean) => void } | undefined
}

const UploadQueueContext = createContext<UploadQueue | null>(null)

/** What pages need (open the dialog, ask before stopping): stable, so progress events don't re-render them. */
interface UploadActions {
  openDialog: UploadQueue['openDialog']
  confirmStop: UploadQueue['confirmStop']
}
const UploadActionsContext = createContext<UploadActions | null>(null)

/**
 * The upload queue, above the routes: navigating anywhere in the app (another page, the other language) keeps the
 * files going and their progress visible in the header. Closing or reloading the tab while bytes are moving asks
 * first (`beforeunload`); signing out asks first too (`confirmStop`), and a change of user drops the queue.
 */
export function UploadQueueProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const uploads = useUploads({
    onUploaded: () => {
      void refreshLibrary(queryClient)
      void queryClient.invalidateQueries({ queryKey: groupKeys.all })
    },
  })
  const [dialog, setDialog] = useState<UploadDialogState>({ open: false, opening: 0 })
  const [stopQuestion, setStopQuestion] = useState<UploadQueue['stopQuestion']>()
  const inFlight = uploads.items.some(isInFlight)

  useLeaveWarning(inFlight)

  // The queue belongs to the user who filled it: signing out (or in as someone else) forgets it. Read from the
  // cache, not with useSession(): the provider is above the shared pages too, which must not ask for a session.
  const { reset } = uploads
  useEffect(() => {
    const userId = () => queryClient.getQueryData<Me | null>(SESSION_KEY)?.id
    let owner = userId()
    return queryClient.getQueryCache().subscribe(() => {
      const current = userId()
      if (current === owner) return
      if (owner !== undefined) reset()
      owner = current
    })
  }, [queryClient, reset])

  const openDialog = useCallback((groupId?: string) => setDialog((d) => ({ open: true, groupId, opening: d.opening + 1 })), [])
  const closeDialog = useCallback(() => setDialog((d) => ({ ...d, open: false })), [])

  const inFlightRef = useRef(inFlight)
  useEffect(() => {
    inFlightRef.current = inFlight
  }, [inFlight])
  const confirmStop = useCallback(
    () =>
      inFlightRef.current
        ? new Promise<boolean>((resolve) =>
            setStopQuestion({
              answer: (go) => {
                setStopQuestion(undefined)
                resolve(go)
              },
            }),
          )
        : Promise.resolve(true),
    [],
  )

  const value = useMemo<UploadQueue>(
    () => ({ ...uploads, inFlight, dialog, openDialog, closeDialog, confirmStop, stopQuestion }),
    [uploads, inFlight, dialog, openDialog, closeDialog, confirmStop, stopQuestion],
  )
  const actions = useMemo<UploadActions>(() => ({ openDialog, confirmStop }), [openDialog, confirmStop])
  return (
    <UploadActionsContext value={actions}>
      <UploadQueueContext value={value}>{children}</UploadQueueContext>
    </UploadActionsContext>
  )
}

/** Opens the upload dialog, preselecting a group (`UploadQueueProvider`'s). */
export function useOpenUploadDialog(): UploadQueue['openDialog'] {
  const actions = useContext(UploadActionsContext)
  if (!actions) throw new Error('useOpenUploadDialog() used outside UploadQueueProvider')
  return actions.openDialog
}

/** The app's upload queue (from `UploadQueueProvider`); re-renders with every progress event. */
export function useUploadQueue(): UploadQueue {
  const queue = useContext(UploadQueueContext)
  if (!queue) throw new Error('useUploadQueue() used outside UploadQueueProvider')
  return queue
}

/**
 * Asks before something that would cut the uploads off (signing out); resolves `true` to go on. Outside the app's
 * provider (a component rendered on its own) there is no queue, and nothing to ask.
 */
export function useConfirmStopUploads(): () => Promise<boolean> {
  return useContext(UploadActionsContext)?.confirmStop ?? confirmNothing
}

const confirmNothing = () => Promise.resolve(true)

/** While `active`, closing or reloading the tab makes the browser ask first. */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return undefined
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers ask only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [active])
}
