import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router'
import { createQueryClient } from '../app/queryClient'
import { ToastProvider, ToastViewport } from '../components/Toast'
import { getI18n } from '../i18n'
import type { Language } from '../i18n/language'

/** Shows where the router is (for tests of navigation). */
export function LocationProbe() {
  const location = useLocation()
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>
}

/**
 * Renders one component (not the whole route tree) with what the app around it provides: a router at `path`, the
 * translations, toasts and a fresh query cache without retries. `routes` adds other pages (to check navigation).
 */
export function renderComponent(
  ui: ReactNode,
  { path = '/', lang = 'en', routes = [] }: { path?: string; lang?: Language; routes?: RouteObject[] } = {},
) {
  const queryClient = createQueryClient({ queries: { retry: false } })
  const wrap = (children: ReactNode) => (
    <I18nextProvider i18n={getI18n(lang)}>
      <ToastProvider>
        {children}
        <ToastViewport />
        <LocationProbe />
      </ToastProvider>
    </I18nextProvider>
  )
  const router = createMemoryRouter(
    [...routes.map((route) => ({ ...route, element: wrap(route.element) })), { path: '*', element: wrap(ui) }],
    { initialEntries: [path] },
  )
  const user = userEvent.setup()
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...result, router, queryClient, user }
}

/** A `text/event-stream` response whose events the test sends one by one. */
export function sseStream() {
  const encoder = new TextEncoder()
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c
    },
  })
  const response = new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
  return {
    response,
    send(event: string, data: unknown) {
      controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
    },
    close() {
      controller.close()
    },
  }
}

/** A complete `text/event-stream` response. */
export function sseResponse(events: Array<[event: string, data: unknown]>): Response {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join('')
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
}
