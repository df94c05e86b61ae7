import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import { api, createApiClient, type Schemas } from '../../api/client'
import { CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../api/cookies'
import { ApiError, isProblemDetails, toApiError, unwrap } from '../../api/errors'
import { sessionFetch } from '../../api/sessionFetch'

export type Citation = Schemas['CitationDto']
export type ChatAnswer = Schemas['ChatAnswerDto']
export type ChatMessage = Schemas['ChatMessageDto']
export type ChatLog = Schemas['ChatLogDto']
export type ChatLogPage = Schemas['PagedOfChatLogDto']
export type ChatAnalytics = Schemas['ChatAnalytics']
export type FeedbackValue = Schemas['ChatFeedback']

/** What a chat panel asks: one video, a group (owner), or a shared group (guest, by its link's token). */
export type ChatScope = { kind: 'video'; id: string } | { kind: 'group'; id: string } | { kind: 'shared'; token: string }

/** The model name the server reports when no language model is configured (answers quote scenes). */
export const EXTRACTIVE_MODEL = 'extractive'

/** Codes the client gives a broken stream (the server closed it without `done` or `error`). */
export const STREAM_INCOMPLETE = 'stream_incomplete'

export function chatUrl(scope: ChatScope): string {
  switch (scope.kind) {
    case 'video':
      return `/api/v1/videos/${encodeURIComponent(scope.id)}/chat`
    case 'group':
      return `/api/v1/groups/${encodeURIComponent(scope.id)}/chat`
    case 'shared':
      return `/api/v1/shared/${encodeURIComponent(scope.token)}/chat`
  }
}

/**
 * Guests (a shared link) need no session: their calls skip the session renewal of `sessionFetch`, so a 401 from
 * them can never end somebody's session or send them to the sign-in page.
 */
const guestFetch = (request: Request) => globalThis.fetch(request)
/** Guests send no cookies either: a signed-in visitor of a share link asks (and rates) as a guest, like anyone. */
export const guestApi = createApiClient({ fetch: guestFetch, credentials: 'omit' })

export interface StreamHandlers {
  /** The numbered candidate scenes, before the answer (`event: citations`). */
  onCitations?: (citations: Citation[]) => void
  /** A piece of the answer's text (`event: delta`). */
  onDelta?: (text: string) => void
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data) as unknown
  } catch {
    return undefined
  }
}

/** A problem+json (or any other) error response as an `ApiError`, keeping `code` and `Retry-After`. */
async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  const body = text ? parseJson(text) : undefined
  return toApiError(isProblemDetails(body) ? body : text || undefined, response)
}

/**
 * Asks a question and streams the answer: `POST …/chat` with `stream: true` (EventSource cannot POST), the body read
 * with eventsource-parser. Resolves with the final answer (`event: done`); rejects with an `ApiError` (a problem
 * before the stream or an `event: error`), or with the `AbortError` when `signal` aborts. A server that answers with
 * plain JSON instead of a stream is accepted too.
 */
export async function streamChat(
  scope: ChatScope,
  messages: ChatMessage[],
  { signal, ...handlers }: StreamHandlers & { signal?: AbortSignal } = {},
): Promise<ChatAnswer> {
  const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' })
  const csrf = readCookie(CSRF_COOKIE)
  if (csrf && scope.kind !== 'shared') headers.set(CSRF_HEADER, csrf)
  const request = new Request(chatUrl(scope), {
    method: 'POST',
    credentials: scope.kind === 'shared' ? 'omit' : 'same-origin',
    headers,
    body: JSON.stringify({ messages, stream: true }),
    signal,
  })

  let response: Response
  try {
    response = scope.kind === 'shared' ? await guestFetch(request) : await sessionFetch(request)
  } catch (error) {
    if (signal?.aborted) throw error
    throw toApiError(error)
  }
  if (!response.ok) throw await errorFromResponse(response)

  const type = response.headers.get('Content-Type') ?? ''
  if (!type.includes('text/event-stream') || !response.body) {
    const answer = parseJson(await response.text()) as ChatAnswer | undefined
    if (!answer || typeof answer.answer !== 'string') throw toApiError(undefined, response)
    handlers.onCitations?.(answer.citations)
    handlers.onDelta?.(answer.answer)
    return answer
  }

  let final: ChatAnswer | undefined
  let failure: ApiError | undefined
  const parser = createParser({
    onEvent(event: EventSourceMessage) {
      if (final || failure) return
      const data = parseJson(event.data)
      switch (event.event) {
        case 'citations':
          if (Array.isArray(data)) handlers.onCitations?.(data as Citation[])
          break
        case 'delta': {
          const text = (data as { text?: unknown } | undefined)?.text
          if (typeof text === 'string') handlers.onDelta?.(text)
          break
        }
        case 'done':
          final = data as ChatAnswer
          break
        case 'error': {
          const problem = (data ?? {}) as { status?: number; code?: string; detail?: string; title?: string }
          failure = new ApiError({
            title: problem.title ?? 'Error',
            status: problem.status ?? 500,
            code: problem.code,
            detail: problem.detail,
          })
          break
        }
      }
    },
  })

  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  // Stop reading at once on abort, whatever the body's source does with the signal.
  const cancel = () => void reader.cancel().catch(() => {})
  signal?.addEventListener('abort', cancel, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      parser.feed(decoder.decode(value, { stream: true }))
      if (final || failure) break
    }
    parser.feed(decoder.decode())
  } catch (error) {
    if (signal?.aborted) throw error
    throw toApiError(error)
  } finally {
    signal?.removeEventListener('abort', cancel)
    cancel()
  }
  if (signal?.aborted) throw new DOMException('The question was stopped.', 'AbortError')
  if (failure) throw failure
  if (!final) {
    throw new ApiError({ title: 'The answer was cut off', status: 0, code: STREAM_INCOMPLETE })
  }
  return final
}

/** `PUT /chat/logs/{id}/feedback`; guests send the feedbackToken they got with the answer. */
export async function sendFeedback(
  scope: ChatScope,
  chatLogId: string,
  body: { value: FeedbackValue | null; comment?: string | null; feedbackToken?: string | null },
): Promise<void> {
  const client = scope.kind === 'shared' ? guestApi : api
  await unwrap(client.PUT('/api/v1/chat/logs/{id}/feedback', { params: { path: { id: chatLogId } }, body }))
}

export const chatKeys = {
  group: (groupId: string) => ['groups', groupId, 'chat'] as const,
  logs: (groupId: string, page: number, pageSize: number) => [...chatKeys.group(groupId), 'logs', { page, pageSize }] as const,
  analytics: (groupId: string) => [...chatKeys.group(groupId), 'analytics'] as const,
}

export const chatLogsQuery = (groupId: string, page: number, pageSize = 20) =>
  queryOptions({
    queryKey: chatKeys.logs(groupId, page, pageSize),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/groups/{id}/chat/logs', { params: { path: { id: groupId }, query: { page, pageSize } }, signal }),
      ) as Promise<ChatLogPage>,
  })

export const chatAnalyticsQuery = (groupId: string) =>
  queryOptions({
    queryKey: chatKeys.analytics(groupId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/groups/{id}/chat/analytics', { params: { path: { id: groupId } }, signal })) as Promise<ChatAnalytics>,
  })

/** The CSV export (UTF-8 with BOM): a plain link, the session cookie goes along. */
export function chatLogsCsvUrl(groupId: string): string {
  return `/api/v1/groups/${encodeURIComponent(groupId)}/chat/logs?format=csv`
}

export function useClearChatLogs(groupId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/groups/{id}/chat/logs', { params: { path: { id: groupId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chatKeys.group(groupId) }),
  })
}
