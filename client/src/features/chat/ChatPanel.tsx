import { useMutation, useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { ApiError } from '../../api/errors'
import { useFrontendConfig } from '../../api/frontendConfig'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { errorMessage, retryAfterMessage } from '../../components/ErrorState'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { cx } from '../../lib/cx'
import { useCountdown } from '../../lib/useCountdown'
import {
  chatKeys,
  EXTRACTIVE_MODEL,
  sendFeedback,
  STREAM_INCOMPLETE,
  streamChat,
  type ChatAnswer,
  type ChatMessage,
  type ChatScope,
  type Citation,
  type FeedbackValue,
} from './api'

const AnswerMarkdown = lazy(() => import('./Markdown'))

/** The longest question the composer accepts. */
export const MAX_QUESTION_LENGTH = 4000
/** The query-string parameter GroupChatTabs keeps its tab in (the chat's "History" link sets it). */
export const CHAT_TAB_PARAM = 'chatTab'

export interface ChatPanelProps {
  /** What is asked: one video, a group (its owner) or a shared group (a guest, by the link's token). */
  scope: ChatScope
  /** A citation chip was activated: play that scene (seek the player, or open the video). */
  onCitation: (citation: Citation) => void
  /** Group scope only: a link to the History tab of GroupChatTabs (`?chatTab=history`). */
  showHistoryLink?: boolean
}

type TurnStatus = 'streaming' | 'done' | 'error' | 'stopped'

interface Turn {
  id: number
  question: string
  /** The answer so far (Markdown with [n] markers). */
  text: string
  /** The candidate scenes while streaming; the ones the answer used once done. */
  citations: Citation[]
  status: TurnStatus
  answer?: ChatAnswer
  error?: unknown
  /** When the error arrived (a 429's wait counts from here). */
  errorAt?: number
}

function scopeKey(scope: ChatScope): string {
  return scope.kind === 'shared' ? `shared:${scope.token}` : `${scope.kind}:${scope.id}`
}

/**
 * A conversation with a video, a group or a shared group. The whole conversation is sent with every question (the
 * server rewrites follow-ups before retrieval); answers stream in as Markdown where `[n]` markers become citation
 * chips. The conversation lives in this component only: it starts afresh for another scope.
 */
export function ChatPanel(props: ChatPanelProps) {
  return <Conversation key={scopeKey(props.scope)} {...props} />
}

function Conversation({ scope, onCitation, showHistoryLink = false }: ChatPanelProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const config = useFrontendConfig()
  const [turns, setTurns] = useState<Turn[]>([])
  const [draft, setDraft] = useState('')
  const controller = useRef<AbortController | null>(null)
  const nextId = useRef(1)
  const log = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLTextAreaElement>(null)
  const inputId = useId()
  const streaming = turns.some((turn) => turn.status === 'streaming')

  useEffect(() => () => controller.current?.abort(), [])

  // Follow the answer as it grows, unless the reader scrolled up.
  const lastText = turns.at(-1)?.text
  const lastStatus = turns.at(-1)?.status
  useEffect(() => {
    const el = log.current
    if (!el) return
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 120 || lastStatus === 'streaming') el.scrollTop = el.scrollHeight
  }, [turns.length, lastText, lastStatus])

  const update = useCallback((id: number, change: (turn: Turn) => Partial<Turn>) => {
    setTurns((all) => all.map((turn) => (turn.id === id ? { ...turn, ...change(turn) } : turn)))
  }, [])

  const run = useCallback(
    async (id: number, question: string, history: ChatMessage[]) => {
      controller.current?.abort()
      const abort = new AbortController()
      controller.current = abort
      update(id, () => ({ status: 'streaming', text: '', citations: [], error: undefined, answer: undefined }))
      try {
        const answer = await streamChat(scope, [...history, { role: 'user', content: question }], {
          signal: abort.signal,
          onCitations: (citations) => update(id, () => ({ citations })),
          onDelta: (text) => update(id, (turn) => ({ text: turn.text + text })),
        })
        update(id, () => ({ status: 'done', text: answer.answer, citations: answer.citations, answer }))
        if (scope.kind === 'group') void queryClient.invalidateQueries({ queryKey: chatKeys.group(scope.id) })
      } catch (error) {
        if (abort.signal.aborted) update(id, () => ({ status: 'stopped' }))
        else update(id, () => ({ status: 'error', error, errorAt: Date.now() }))
      } finally {
        if (controller.current === abort) controller.current = null
      }
    },
    [scope, update, queryClient],
  )

  /** Earlier completed turns, as the conversation the server gets. */
  const historyBefore = (all: Turn[], index: number): ChatMessage[] =>
    all.slice(0, index).flatMap((turn) =>
      turn.status === 'done' && turn.answer
        ? [
            { role: 'user' as const, content: turn.question },
            { role: 'assistant' as const, content: turn.answer.answer },
          ]
        : [],
    )

  const ask = (raw: string) => {
    const question = raw.trim()
    if (!question || streaming) return
    const id = nextId.current++
    const history = historyBefore(turns, turns.length)
    setTurns((all) => [...all, { id, question, text: '', citations: [], status: 'streaming' }])
    setDraft('')
    void run(id, question, history)
  }

  const retry = (id: number) => {
    const index = turns.findIndex((turn) => turn.id === id)
    const turn = turns[index]
    if (!turn || streaming) return
    void run(id, turn.question, historyBefore(turns, index))
  }

  const stop = () => controller.current?.abort()

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    ask(draft)
    input.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends, Shift+Enter is a new line; never while an input method (Japanese…) is composing.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return
    event.preventDefault()
    ask(draft)
  }

  const extractive =
    config.data?.providers.chat === EXTRACTIVE_MODEL || turns.some((turn) => turn.answer?.model === EXTRACTIVE_MODEL)
  const examples = [t(`chat.examples.${scope.kind}.one`), t(`chat.examples.${scope.kind}.two`), t(`chat.examples.${scope.kind}.three`)]

  return (
    <div className="flex min-h-0 flex-col gap-3" data-testid="chat-panel">
      {extractive && (
        <Alert tone="info" role="none" data-testid="extractive-note">
          {t('chat.extractiveNote')}
        </Alert>
      )}

      <div
        ref={log}
        role="log"
        aria-live="polite"
        aria-busy={streaming}
        aria-label={t('chat.conversation')}
        className="max-h-[32rem] min-h-0 space-y-4 overflow-y-auto overscroll-contain"
        data-testid="chat-log"
      >
        {turns.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 px-4 py-6 text-center" data-testid="chat-empty">
            <p className="font-medium text-slate-900">{t(`chat.empty.${scope.kind}`)}</p>
            <p className="mt-1 text-sm text-slate-600">{t('chat.empty.body')}</p>
            <ul className="mt-4 flex flex-col items-stretch gap-2 sm:items-center" aria-label={t('chat.examples.label')}>
              {examples.map((example) => (
                <li key={example}>
                  <button
                    type="button"
                    onClick={() => ask(example)}
                    className="w-full rounded-full bg-white px-4 py-2 text-sm font-medium text-indigo-800 shadow-sm ring-1 ring-slate-200 ring-inset hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 sm:w-auto"
                  >
                    {example}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          turns.map((turn, index) => (
            <TurnView
              key={turn.id}
              turn={turn}
              scope={scope}
              onCitation={onCitation}
              onRetry={index === turns.length - 1 ? () => retry(turn.id) : undefined}
            />
          ))
        )}
      </div>

      <form onSubmit={onSubmit} className="flex flex-col gap-2" noValidate>
        <label htmlFor={inputId} className="sr-only">
          {t('chat.inputLabel')}
        </label>
        <textarea
          ref={input}
          id={inputId}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          maxLength={MAX_QUESTION_LENGTH}
          placeholder={t(`chat.placeholder.${scope.kind}`)}
          aria-describedby={`${inputId}-hint`}
          className="block w-full resize-y rounded-lg border-0 px-3 py-2 text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-500 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          data-testid="chat-input"
        />
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p id={`${inputId}-hint`} className="text-xs text-slate-500">
            {t('chat.inputHint')}
          </p>
          <div className="flex items-center gap-2">
            {showHistoryLink && scope.kind === 'group' && <HistoryLink />}
            {streaming ? (
              <Button variant="secondary" onClick={stop} data-testid="chat-stop">
                <StopIcon />
                {t('chat.stop')}
              </Button>
            ) : (
              <Button type="submit" disabled={!draft.trim()} data-testid="chat-send">
                {t('chat.send')}
              </Button>
            )}
          </div>
        </div>
      </form>
    </div>
  )
}

function HistoryLink() {
  const { t } = useTranslation()
  const location = useLocation()
  const params = new URLSearchParams(location.search)
  params.set(CHAT_TAB_PARAM, 'history')
  return (
    <Link
      to={{ search: `?${params.toString()}` }}
      className="rounded text-sm font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      {t('chat.historyLink')}
    </Link>
  )
}

function StopIcon() {
  return (
    <svg className="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
      <rect x="5" y="5" width="10" height="10" rx="1.5" />
    </svg>
  )
}

function TypingIndicator() {
  const { t } = useTranslation()
  return (
    <span className="inline-flex items-center gap-1 py-1" data-testid="typing-indicator">
      <span className="sr-only">{t('chat.typing')}</span>
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          aria-hidden="true"
          className="size-1.5 animate-bounce rounded-full bg-slate-400 motion-reduce:animate-none"
          style={{ animationDelay: `${delay}ms` }}
        />
      ))}
    </span>
  )
}

function TurnView({
  turn,
  scope,
  onCitation,
  onRetry,
}: {
  turn: Turn
  scope: ChatScope
  onCitation: (citation: Citation) => void
  onRetry?: () => void
}) {
  const { t } = useTranslation()
  return (
    <div className="space-y-2" data-testid="chat-turn">
      <div className="flex justify-end">
        <p className="max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-600 px-3 py-2 text-sm whitespace-pre-wrap text-white [overflow-wrap:anywhere]">
          <span className="sr-only">{t('chat.you')}</span>
          {turn.question}
        </p>
      </div>
      <div className="max-w-full rounded-2xl rounded-bl-sm bg-slate-50 px-3 py-2 ring-1 ring-slate-200" data-testid="chat-answer">
        <span className="sr-only">{t('chat.assistant')}</span>
        {turn.text && (
          <Suspense fallback={<p className="text-sm whitespace-pre-wrap text-slate-800">{turn.text}</p>}>
            <AnswerMarkdown text={turn.text} citations={turn.citations} onCitation={onCitation} />
          </Suspense>
        )}
        {turn.status === 'streaming' && <TypingIndicator />}
        {turn.status === 'stopped' && <p className="mt-1 text-xs text-slate-500 italic">{t('chat.stopped')}</p>}
        {turn.status === 'error' && <ChatError turn={turn} scope={scope} onRetry={onRetry} />}
        {turn.status === 'done' && turn.answer && <Feedback scope={scope} answer={turn.answer} />}
      </div>
    </div>
  )
}

function ChatError({ turn, scope, onRetry }: { turn: Turn; scope: ChatScope; onRetry?: () => void }) {
  const { t } = useTranslation()
  const error = turn.error
  const api = error instanceof ApiError ? error : undefined
  const rateLimited = api?.status === 429
  const remaining = useCountdown(rateLimited ? (api?.retryAfterSeconds ?? 0) : undefined, turn.errorAt ?? 0)

  let message: string
  let action = null
  if (api?.code === 'invalid_openai_key') {
    message = scope.kind === 'shared' ? t('chat.errors.invalidKeyGuest') : t('chat.errors.invalidKey')
    if (scope.kind !== 'shared') {
      action = (
        <LocalizedLink
          to="/settings/ai"
          className="rounded font-semibold text-red-900 underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {t('chat.errors.openSettings')}
        </LocalizedLink>
      )
    }
  } else if (rateLimited && !api?.retryAfterSeconds) {
    message = retryAfterMessage(undefined, t)
  } else if (rateLimited) {
    message = remaining > 0 ? t('chat.errors.rateLimitedWait', { count: remaining }) : t('chat.errors.rateLimitedNow')
  } else if (api?.code === 'ai_unavailable' || api?.status === 502 || api?.status === 503) {
    message = t('chat.errors.unavailable')
  } else if (api?.code === STREAM_INCOMPLETE) {
    message = t('chat.errors.incomplete')
  } else {
    message = errorMessage(error, t)
  }

  return (
    <Alert
      tone="error"
      title={t('chat.errors.title')}
      className="mt-2"
      data-testid="chat-error"
      actions={
        (action || onRetry) && (
          <>
            {action}
            {onRetry && (
              <Button variant="secondary" size="sm" onClick={onRetry} disabled={remaining > 0}>
                {t('common.retry')}
              </Button>
            )}
          </>
        )
      }
    >
      <p>{message}</p>
    </Alert>
  )
}

function ThumbIcon({ down = false }: { down?: boolean }) {
  return (
    <svg className={cx('size-4', down && 'rotate-180')} viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
      <path d="M1 8.25a1.25 1.25 0 1 1 2.5 0v7.5a1.25 1.25 0 1 1-2.5 0v-7.5ZM11 3V1.7c0-.268.14-.526.395-.607A2 2 0 0 1 14 3c0 .995-.182 1.948-.514 2.826-.204.54.166 1.174.744 1.174h2.52c1.243 0 2.261 1.01 2.146 2.247a23.864 23.864 0 0 1-1.341 5.974C17.153 16.323 16.072 17 14.9 17h-3.192a3 3 0 0 1-1.341-.317l-2.734-1.366A3 3 0 0 0 6.292 15H5V8h.963c.685 0 1.258-.483 1.612-1.068a4.011 4.011 0 0 1 2.166-1.73c.432-.143.853-.386 1.011-.814.16-.432.248-.9.248-1.388Z" />
    </svg>
  )
}

/** Good/bad buttons for one answer; "bad" opens an optional comment. Guests send the answer's feedbackToken. */
function Feedback({ scope, answer }: { scope: ChatScope; answer: ChatAnswer }) {
  const { t } = useTranslation()
  const [value, setValue] = useState<FeedbackValue | null>(null)
  const [commenting, setCommenting] = useState(false)
  const [comment, setComment] = useState('')
  const [thanked, setThanked] = useState(false)
  const commentId = useId()
  const mutation = useMutation({
    mutationFn: (body: { value: FeedbackValue | null; comment?: string }) =>
      sendFeedback(scope, answer.chatLogId, {
        ...body,
        ...(scope.kind === 'shared' ? { feedbackToken: answer.feedbackToken } : {}),
      }),
  })

  const rate = (next: FeedbackValue) => {
    const previous = value
    const target = value === next ? null : next
    setValue(target)
    setThanked(false)
    setCommenting(target === 'bad')
    mutation.mutate(
      { value: target },
      {
        onSuccess: () => setThanked(target !== null),
        onError: () => setValue(previous),
      },
    )
  }

  const submitComment = (event: FormEvent) => {
    event.preventDefault()
    const text = comment.trim()
    mutation.mutate(
      { value: 'bad', ...(text ? { comment: text } : {}) },
      {
        onSuccess: () => {
          setCommenting(false)
          setThanked(true)
        },
      },
    )
  }

  const buttonClass = (active: boolean) =>
    cx(
      'inline-flex size-9 items-center justify-center rounded-lg focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600',
      active ? 'bg-indigo-600 text-white' : 'text-slate-500 hover:bg-slate-200 hover:text-slate-800',
    )

  return (
    <div className="mt-2 border-t border-slate-200 pt-2" data-testid="chat-feedback">
      <div className="flex items-center gap-1" role="group" aria-label={t('chat.feedback.label')}>
        <button
          type="button"
          className={buttonClass(value === 'good')}
          aria-pressed={value === 'good'}
          aria-label={t('chat.feedback.good')}
          title={t('chat.feedback.good')}
          onClick={() => rate('good')}
          disabled={mutation.isPending}
        >
          <ThumbIcon />
        </button>
        <button
          type="button"
          className={buttonClass(value === 'bad')}
          aria-pressed={value === 'bad'}
          aria-label={t('chat.feedback.bad')}
          title={t('chat.feedback.bad')}
          onClick={() => rate('bad')}
          disabled={mutation.isPending}
        >
          <ThumbIcon down />
        </button>
        <span role="status" className="ml-2 text-xs text-slate-600">
          {thanked ? t('chat.feedback.thanks') : ''}
        </span>
      </div>
      {mutation.isError && (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {t('chat.feedback.failed')}
        </p>
      )}
      {commenting && (
        <form onSubmit={submitComment} className="mt-2 space-y-2" noValidate>
          <label htmlFor={commentId} className="block text-xs font-medium text-slate-700">
            {t('chat.feedback.commentLabel')}
          </label>
          <textarea
            id={commentId}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
            maxLength={2000}
            className="block w-full rounded-lg border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:outline-none"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" loading={mutation.isPending}>
              {t('chat.feedback.sendComment')}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setCommenting(false)}>
              {t('chat.feedback.skipComment')}
            </Button>
          </div>
        </form>
      )}
    </div>
  )
}
