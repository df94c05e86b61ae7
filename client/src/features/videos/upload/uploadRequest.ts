import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../../api/cookies'
import { isProblemDetails, toApiError } from '../../../api/errors'
import { refreshSession } from '../../../api/sessionFetch'
import type { Video } from '../queries'

export const UPLOAD_URL = '/api/v1/videos'

export interface UploadInput {
  file: File
  title?: string
  description?: string
  language?: string
  /** Adds the video to this group of the user's. */
  groupId?: string
  tags?: readonly string[]
  subtitles?: File
}

export interface UploadHandle {
  /** Resolves with the created video; rejects with an `ApiError`, or an `AbortError` after `abort()`. */
  promise: Promise<Video>
  abort: () => void
}

export type ProgressListener = (loaded: number, total: number) => void

interface RawResponse {
  status: number
  statusText: string
  body: string
  retryAfter: string | null
}

/** Text fields first, then the files: the server reads the parts in order and streams the file to storage. */
export function uploadForm(input: UploadInput): FormData {
  const form = new FormData()
  if (input.title?.trim()) form.append('title', input.title.trim())
  if (input.description?.trim()) form.append('description', input.description.trim())
  if (input.language) form.append('language', input.language)
  if (input.groupId) form.append('groupId', input.groupId)
  for (const tag of input.tags ?? []) form.append('tags', tag)
  if (input.subtitles) form.append('subtitles', input.subtitles, input.subtitles.name)
  form.append('file', input.file, input.file.name)
  return form
}

export function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError')
}

export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError'
}

function toError(response: RawResponse): Error {
  let problem: unknown
  try {
    problem = response.body ? JSON.parse(response.body) : undefined
  } catch {
    problem = undefined
  }
  const headers = response.retryAfter ? { 'Retry-After': response.retryAfter } : undefined
  const fake = new Response(null, { status: response.status, statusText: response.statusText, headers })
  return toApiError(isProblemDetails(problem) ? problem : undefined, fake)
}

/**
 * `POST /api/v1/videos` with `XMLHttpRequest`, because `fetch` cannot report upload progress. Sends the CSRF
 * header like the API client does. On a 401 (the access token expired) it renews the session once, through the
 * same single-flight refresh as every other request, and sends the file again from the `File` (nothing is
 * buffered in memory).
 */
export function startUpload(input: UploadInput, onProgress: ProgressListener): UploadHandle {
  let current: XMLHttpRequest | undefined
  let aborted = false

  const send = () =>
    new Promise<RawResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      current = xhr
      xhr.open('POST', UPLOAD_URL)
      xhr.setRequestHeader('Accept', 'application/json')
      const csrf = readCookie(CSRF_COOKIE)
      if (csrf) xhr.setRequestHeader(CSRF_HEADER, csrf)
      xhr.upload.addEventListener('progress', (event) => {
        onProgress(event.loaded, event.lengthComputable && event.total > 0 ? event.total : input.file.size)
      })
      xhr.addEventListener('load', () =>
        resolve({
          status: xhr.status,
          statusText: xhr.statusText,
          body: typeof xhr.responseText === 'string' ? xhr.responseText : '',
          retryAfter: xhr.getResponseHeader('Retry-After'),
        }),
      )
      xhr.addEventListener('error', () => reject(toApiError(new Error('The upload could not reach the server.'))))
      xhr.addEventListener('timeout', () => reject(toApiError(new Error('The upload timed out.'))))
      xhr.addEventListener('abort', () => reject(abortError()))
      xhr.send(uploadForm(input))
    })

  const run = async (): Promise<Video> => {
    let response = await send()
    if (response.status === 401 && !aborted) {
      const outcome = await refreshSession()
      if (aborted) throw abortError()
      if (outcome === 'refreshed') {
        onProgress(0, input.file.size)
        response = await send()
      }
    }
    if (response.status >= 200 && response.status < 300) return JSON.parse(response.body) as Video
    throw toError(response)
  }

  return {
    promise: run(),
    abort: () => {
      aborted = true
      current?.abort()
    },
  }
}
