import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, type Schemas } from './client'
import { unwrap } from './errors'

export type FrontendConfig = Schemas['FrontendConfigDto']

export const frontendConfigQuery = queryOptions({
  queryKey: ['config', 'frontend'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/config/frontend', { signal })),
  // Server configuration changes rarely; one fetch per session is plenty.
  staleTime: 5 * 60 * 1000,
})

/** The public server configuration (`GET /api/v1/config/frontend`). */
export function useFrontendConfig() {
  return useQuery(frontendConfigQuery)
}
