import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { createQueryClient } from '../app/queryClient'
import { createRoutes } from '../app/routes'

/**
 * Renders the real route tree at `path`, with a fresh query cache and no
 * retries (so error states show at once).
 */
export function renderApp(path = '/') {
  const queryClient = createQueryClient({ queries: { retry: false } })
  const router = createMemoryRouter(createRoutes(), { initialEntries: [path] })
  const user = userEvent.setup()
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  )
  return { ...result, router, queryClient, user }
}
