import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Video } from '../queries'
import { isAbortError, startUpload, type UploadHandle, type UploadInput } from './uploadRequest'

/** Files sent at the same time (the rest wait their turn, so each shows steady progress). */
export const CONCURRENT_UPLOADS = 2

export type RejectReason = 'type' | 'size' | 'empty' | 'limit'

export type UploadState =
  | { kind: 'ready' }
  | { kind: 'rejected'; reason: RejectReason }
  | { kind: 'waiting' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'done'; video: Video }
  | { kind: 'failed'; error: unknown }
  | { kind: 'cancelled' }

export interface UploadItem {
  key: string
  file: File
  title: string
  state: UploadState
}

/** What every file of the batch shares. */
export type SharedFields = Omit<UploadInput, 'file' | 'title'>

let nextKey = 1

export function isInFlight(item: UploadItem): boolean {
  return item.state.kind === 'waiting' || item.state.kind === 'uploading'
}

/**
 * The upload queue: the files of the upload dialog and their uploads. At most `CONCURRENT_UPLOADS` run at once, each
 * can be cancelled (`xhr.abort()`) or retried, and everything still running is aborted on `reset()` or unmount. The
 * app keeps one queue above its routes (`UploadQueueProvider`), so uploads outlive the page they started on.
 */
export function useUploads({ onUploaded }: { onUploaded: (video: Video) => void }) {
  const [items, setItems] = useState<UploadItem[]>([])
  const handles = useRef(new Map<string, UploadHandle>())
  const shared = useRef<SharedFields>({})
  const onUploadedRef = useRef(onUploaded)
  useEffect(() => {
    onUploadedRef.current = onUploaded
  })

  const setState = useCallback((key: string, state: UploadState) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, state } : item)))
  }, [])

  const start = useCallback(
    (item: UploadItem) => {
      const handle = startUpload({ ...shared.current, file: item.file, title: item.title }, (loaded, total) =>
        setState(item.key, { kind: 'uploading', loaded, total }),
      )
      handles.current.set(item.key, handle)
      setState(item.key, { kind: 'uploading', loaded: 0, total: item.file.size })
      handle.promise.then(
        (video) => {
          handles.current.delete(item.key)
          setState(item.key, { kind: 'done', video })
          onUploadedRef.current(video)
        },
        (error: unknown) => {
          handles.current.delete(item.key)
          setState(item.key, isAbortError(error) ? { kind: 'cancelled' } : { kind: 'failed', error })
        },
      )
    },
    [setState],
  )

  // The scheduler: start waiting files while there is room.
  useEffect(() => {
    let running = items.filter((i) => i.state.kind === 'uploading').length
    for (const item of items) {
      if (running >= CONCURRENT_UPLOADS) break
      if (item.state.kind !== 'waiting' || handles.current.has(item.key)) continue
      start(item)
      running++
    }
  }, [items, start])

  useEffect(() => {
    const current = handles.current
    return () => {
      for (const handle of current.values()) handle.abort()
      current.clear()
    }
  }, [])

  const add = useCallback((files: { file: File; title: string; state: UploadState }[]) => {
    setItems((list) => [...list, ...files.map((f) => ({ ...f, key: `upload-${nextKey++}` }))])
  }, [])

  const remove = useCallback((key: string) => setItems((list) => list.filter((i) => i.key !== key)), [])

  const setTitle = useCallback((key: string, title: string) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, title } : item)))
  }, [])

  /** Queues every file that is ready, with the fields they share. */
  const submit = useCallback((fields: SharedFields) => {
    shared.current = fields
    setItems((list) => list.map((item) => (item.state.kind === 'ready' ? { ...item, state: { kind: 'waiting' } } : item)))
  }, [])

  const cancel = useCallback(
    (key: string) => {
      const handle = handles.current.get(key)
      if (handle) handle.abort()
      else setState(key, { kind: 'cancelled' })
    },
    [setState],
  )

  const retry = useCallback((key: string) => setState(key, { kind: 'waiting' }), [setState])

  /** Aborts whatever runs and forgets every file. */
  const reset = useCallback(() => {
    for (const handle of handles.current.values()) handle.abort()
    handles.current.clear()
    setItems([])
  }, [])

  return useMemo(() => ({ items, add, remove, setTitle, submit, cancel, retry, reset }), [items, add, remove, setTitle, submit, cancel, retry, reset])
}
