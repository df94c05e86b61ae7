import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

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
globalThis.Request = DocumentRelativeRequest as typeof Request

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
