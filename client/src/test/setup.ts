import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// `findBy…`/`waitFor` wait up to 5 s, not 1 s: on a loaded 2-core CI machine a page's first render after its data
// arrives can take longer than a second, and a wait that ends early only makes a correct test flaky.
configure({ asyncUtilTimeout: 5000 })

/*
 * Browsers resolve relative request URLs against the document; Node's
 * `Request` (used under jsdom, which has no fetch of its own) rejects them.
 * The API client uses an empty base URL and paths like `/api/v1/...`, so give
 * tests the browser behaviour.
 */
const NodeRequest = globalThis.Request
class DocumentRelativeRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, document.baseURI).href : input, init)
  }
}
globalThis.Request = DocumentRelativeRequest

/*
 * jsdom has no modal <dialog> behaviour. Give it the minimum the Dialog
 * component relies on: showModal()/close() toggle `open` and fire "close".
 */
const dialogProto = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>
if (typeof dialogProto.showModal !== 'function') {
  Object.defineProperty(dialogProto, 'open', {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute('open')
    },
    set(this: HTMLDialogElement, value: boolean) {
      this.toggleAttribute('open', value)
    },
  })
  dialogProto.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  dialogProto.show = dialogProto.showModal
  dialogProto.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}

// jsdom does not scroll; react-router's <ScrollRestoration> calls this on navigation.
window.scrollTo = () => {}

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

afterEach(() => {
  cleanup()
  localStorage.clear()
  clearCookies()
  document.documentElement.lang = 'en'
  document.title = ''
})
