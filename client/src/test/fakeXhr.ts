import { act } from '@testing-library/react'
import { vi } from 'vitest'

/**
 * A stand-in for `XMLHttpRequest` (jsdom's would try the network): records what the app sends and lets a test
 * play the upload's progress events and the server's answer.
 */
export class FakeXhr {
  static instances: FakeXhr[] = []

  method = ''
  url = ''
  requestHeaders: Record<string, string> = {}
  body: Blob | null = null
  sent = false
  aborted = false
  status = 0
  statusText = ''
  responseText = ''
  readonly upload = new EventTarget()
  private readonly events = new EventTarget()
  private responseHeaders: Record<string, string> = {}

  constructor() {
    FakeXhr.instances.push(this)
  }

  open(method: string, url: string) {
    this.method = method
    this.url = url
  }

  setRequestHeader(name: string, value: string) {
    this.requestHeaders[name] = value
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null
  }

  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener)
  }

  send(body: Blob) {
    this.body = body
    this.sent = true
  }

  abort() {
    if (this.aborted || this.status !== 0) return
    this.aborted = true
    act(() => {
      this.events.dispatchEvent(new Event('abort'))
    })
  }

  /** The browser reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number) {
    act(() => {
      this.upload.dispatchEvent(new ProgressEvent('progress', { loaded, total, lengthComputable: true }))
    })
  }

  /** The server answers (a JSON body, or a string as is). */
  async respond(status: number, body: unknown = '', headers: Record<string, string> = {}) {
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    await act(() => {
      this.events.dispatchEvent(new Event('load'))
      return Promise.resolve()
    })
  }

  /** The connection broke. */
  async fail() {
    await act(() => {
      this.events.dispatchEvent(new Event('error'))
      return Promise.resolve()
    })
  }

  /** The name of the file sent as the body. */
  fileName(): string | undefined {
    return this.body instanceof File ? this.body.name : undefined
  }
}

export function installFakeXhr() {
  FakeXhr.instances = []
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  return FakeXhr
}
