import { queryOptions } from '@tanstack/react-query'
import { api, type Schemas } from '../../api/client'
import { unwrap } from '../../api/errors'

export type ApiToken = Schemas['ApiTokenDto']
export type CreatedApiToken = Schemas['CreatedApiTokenDto']
export type Models = Schemas['ModelsDto']

export const modelsQuery = queryOptions({
  queryKey: ['me', 'models'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/models', { signal })),
  staleTime: 5 * 60 * 1000,
})

export const tokensQuery = queryOptions({
  queryKey: ['me', 'tokens'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/tokens', { signal })),
})
