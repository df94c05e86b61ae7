import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { createQueryClient } from '../app/queryClient'
import { createRoutes } from '../app/routes'

/** Resolves every `lazy` route of the tree in place, as a browser with every page's chunk in its cache would. */
async function loadLazyRoutes(routes: RouteObject[]): Promise<RouteObject[]> {
  for (const route of routes) {
    if (typeof route.lazy === 'function') {
      Object.assign(route, await route.lazy(), { lazy: undefined })
    }
    if (route.children) await loadLazyRoutes(route.children)
  }
  return routes
}

/*
 * The pages are lazily loaded chunks (app/routes.tsx). Tests render them with their code already loaded, so the
 * first render shows the page itself; what a page loads on demand inside (dialogs, charts, Markdown) stays lazy.
 */
const routes = await loadLazyRoutes(createRoutes())

/**
 * Renders the real route tree at `path`, with a fresh query cache and no
 * retries (so error states show at once). `seed` fills the cache first, as earlier pages would have.
 */
export function renderApp(path = '/', { seed }: { seed?: (queryClient: QueryClient) => void } = {}) {
  const queryClient = createQueryClient({ queries: { retry: false } })
  seed?.(queryClient)
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  const user = userEvent.setup()
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...result, router, queryClient, user }
}
