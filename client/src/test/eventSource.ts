import { EventSource as NodeEventSource } from 'eventsource'

/*
 * jsdom has no EventSource. The `eventsource` package's reads the stream with fetch, which MSW intercepts (its
 * `sse()` handlers). Like a browser it resolves the app's relative URLs against the document.
 */
class DocumentEventSource extends NodeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    super(new URL(String(url), document.baseURI), init)
  }
}
globalThis.EventSource = DocumentEventSource
