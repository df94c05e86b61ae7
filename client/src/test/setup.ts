import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { recordRequests, server } from './server'

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
 * Files the app sends (the XHR upload's body) must be Node's: MSW builds a fetch `Request` from the XHR's body, and
 * Node's fetch does not know jsdom's File (the body would arrive as the text "undefined"). jsdom's Blob stays (its
 * FileReader, used by the clipboard, reads only its own).
 */
// (A specifier in a variable: the app's tsconfig has the DOM's types, not Node's.)
const nodeBuffer = 'node:buffer'
const { File: NodeFile } = (await import(/* @vite-ignore */ nodeBuffer)) as { File: typeof File }
globalThis.File = NodeFile

// The fake API for every test (test/server.ts); a test's own routes are dropped after it.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  recordRequests()
})
afterAll(() => server.close())

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
