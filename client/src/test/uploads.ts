import { act } from '@testing-library/react'
import { http } from 'msw'
import { vi } from 'vitest'
import { jsonResponse } from './http'
import { server } from './server'

/** An upload's `PUT` that the fake server holds until the test answers it. */
export interface HeldUpload {
  request: Request
  /** The server answers (a JSON body, or a string as is). */
  respond: (status: number, body?: unknown, headers?: Record<string, string>) => Promise<void>
}

/**
 * Serves the uploads' `PUT /api/v1/videos/uploads/{id}` (XHR, intercepted by MSW) by holding each request until the
 * test answers it; returns the held requests, in order. A request the app aborts is never answered.
 */
export function holdUploads(): HeldUpload[] {
  const held: HeldUpload[] = []
  server.use(
    http.put(
      '/api/v1/videos/uploads/:id',
      ({ request }) =>
        new Promise<Response>((resolve) => {
          held.push({
            request,
            respond: async (status, body = '', headers = {}) => {
              await act(async () => {
                resolve(
                  typeof body === 'string'
                    ? new Response(body, { status, headers })
                    : jsonResponse(body, { status, headers }),
                )
                await new Promise((r) => setTimeout(r, 0))
              })
            },
          })
        }),
    ),
  )
  return held
}

/**
 * The XHRs the app opens, to play what a browser does and MSW does not: MSW reports an upload's progress once, for
 * the whole body, when the response comes; a browser reports it as the bytes go, which `progress()` plays on the
 * XHR's own `upload` target (where the app listens). And `abort()` of a request MSW still holds fires no "abort"
 * event in jsdom (it never really sent it), so the spy fires it, as a browser would. `aborted(i)` tells whether the
 * app aborted the i-th.
 */
export function watchXhrs() {
  const open = vi.spyOn(XMLHttpRequest.prototype, 'open')
  const realAbort = XMLHttpRequest.prototype.abort
  const abort = vi.spyOn(XMLHttpRequest.prototype, 'abort').mockImplementation(function (this: XMLHttpRequest) {
    realAbort.call(this)
    this.dispatchEvent(new ProgressEvent('abort'))
  })
  // MSW shadows `upload` with a proxy of its own; the prototype's getter still gives the real one.
  const uploadOf = Object.getOwnPropertyDescriptor(XMLHttpRequest.prototype, 'upload')!.get!
  const xhr = (index: number): XMLHttpRequest => {
    const target = open.mock.contexts[index] as XMLHttpRequest | undefined
    if (!target) throw new Error(`No XHR #${index} was opened`)
    return target
  }
  return {
    count: () => open.mock.contexts.length,
    progress(index: number, loaded: number, total: number) {
      const upload = uploadOf.call(xhr(index)) as XMLHttpRequestUpload
      act(() => {
        upload.dispatchEvent(new ProgressEvent('progress', { loaded, total, lengthComputable: true }))
      })
    },
    aborted: (index: number) => abort.mock.contexts.includes(xhr(index)),
  }
}

/** A media file whose bytes begin with its name (so a test can tell the files sent apart). */
export function mediaFile(name = 'clip.mp4', size = 100, type = 'video/mp4'): File {
  return new File([name.padEnd(size, '.').slice(0, size)], name, { type })
}
