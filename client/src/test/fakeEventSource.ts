import { act } from '@testing-library/react'
import { vi } from 'vitest'

/** A stand-in for `EventSource` (jsdom has none): a test pushes the server's events. */
export class FakeEventSource {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2
  static instances: FakeEventSource[] = []

  readonly url: string
  readyState = FakeEventSource.CONNECTING
  private readonly events = new EventTarget()

  constructor(url: string | URL) {
    this.url = String(url)
    FakeEventSource.instances.push(this)
  }

  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener)
  }

  removeEventListener(type: string, listener: EventListener) {
    this.events.removeEventListener(type, listener)
  }

  close() {
    this.readyState = FakeEventSource.CLOSED
  }

  get closed() {
    return this.readyState === FakeEventSource.CLOSED
  }

  /** The server sends `event: <type>` with JSON `data`. */
  emit(type: string, data: unknown) {
    act(() => {
      this.readyState = FakeEventSource.OPEN
      this.events.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }))
    })
  }

  /** The connection failed for good (e.g. an HTTP error status). */
  failHard() {
    act(() => {
      this.readyState = FakeEventSource.CLOSED
      this.events.dispatchEvent(new Event('error'))
    })
  }

  /** The streams open for a URL (most recent last). */
  static for(url: string): FakeEventSource[] {
    return FakeEventSource.instances.filter((s) => s.url === url)
  }
}

export function installFakeEventSource() {
  FakeEventSource.instances = []
  vi.stubGlobal('EventSource', FakeEventSource)
  return FakeEventSource
}
