import { QueryClient, type Query } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { group, groupVideo, sharedGroup } from '../../test/groups'
import { groupQuery, sharedGroupQuery } from './queries'

type RefetchInterval = (query: Query) => number | false | undefined

/** The refetch interval a query's options give for `data`, as TanStack Query asks for it. */
function intervalFor<T>(options: { queryKey: readonly unknown[]; refetchInterval?: unknown }, data: T): unknown {
  const client = new QueryClient()
  client.setQueryData(options.queryKey, data)
  const query = client.getQueryCache().find({ queryKey: options.queryKey })!
  return (options.refetchInterval as RefetchInterval)(query)
}

describe('group queries: catching up while members are processed', () => {
  const processing = [groupVideo({ status: 'ready' }), groupVideo({ status: 'processing' })]
  const settled = [groupVideo({ status: 'ready' }), groupVideo({ status: 'failed' })]

  it('refetches the owner’s group every 15 s while a member is in the pipeline, and stops once all are settled', () => {
    expect(intervalFor(groupQuery('g1'), group({ videos: processing }))).toBe(15_000)
    expect(intervalFor(groupQuery('g1'), group({ videos: settled }))).toBe(false)
  })

  it('does the same for a guest’s shared group', () => {
    expect(intervalFor(sharedGroupQuery('t1'), sharedGroup({ name: 'S', description: null, videos: processing }))).toBe(15_000)
    expect(intervalFor(sharedGroupQuery('t1'), sharedGroup({ name: 'S', description: null, videos: settled }))).toBe(false)
  })
})
