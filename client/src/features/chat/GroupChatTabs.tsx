import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Badge, type BadgeTone } from '../../components/Badge'
import { Button, buttonClasses } from '../../components/Button'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState } from '../../components/ErrorState'
import { Pagination } from '../../components/Pagination'
import { Skeleton } from '../../components/Skeleton'
import { useToast } from '../../components/Toast'
import { useLanguage } from '../../i18n/hooks'
import { formatDateTime } from '../../lib/format'
import { cx } from '../../lib/cx'
import { chatAnalyticsQuery, chatLogsCsvUrl, chatLogsQuery, useClearChatLogs, type ChatLog, type Citation } from './api'
import { CHAT_TAB_PARAM, ChatPanel } from './ChatPanel'
import { ChatUnavailable } from './ChatUnavailable'
import { CitationChip } from './citations'

const AnalyticsView = lazy(() => import('./AnalyticsView'))

const TABS = ['chat', 'history', 'analytics'] as const
type Tab = (typeof TABS)[number]
const PAGE_SIZE = 20

export interface GroupChatTabsProps {
  groupId: string
  /** A citation (or a most-cited scene) was activated: play it in the group page's player. */
  onCitation: (citation: Citation) => void
  /** Why nothing can be asked yet (no member is ready): shown in the Chat tab instead of the chat. */
  unavailable?: string
}

/**
 * The group page's chat area: tabs "Chat" | "History" | "Analytics". The tab is kept in `?chatTab=` (so the chat's
 * History link, Back and reloads work); the chat stays mounted while another tab shows, so the conversation is kept.
 */
export function GroupChatTabs({ groupId, onCitation, unavailable }: GroupChatTabsProps) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const requested = params.get(CHAT_TAB_PARAM)
  const tab: Tab = (TABS as readonly string[]).includes(requested ?? '') ? (requested as Tab) : 'chat'
  const base = useId()
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({})

  const select = (next: Tab, focus = false) => {
    setParams(
      (current) => {
        const copy = new URLSearchParams(current)
        if (next === 'chat') copy.delete(CHAT_TAB_PARAM)
        else copy.set(CHAT_TAB_PARAM, next)
        return copy
      },
      { replace: true, preventScrollReset: true },
    )
    if (focus) refs.current[next]?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const index = TABS.indexOf(tab)
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const next = TABS[(target + TABS.length) % TABS.length]
    if (next) select(next, true)
  }

  return (
    <div data-testid="group-chat-tabs">
      <div role="tablist" aria-label={t('chat.tabs.label')} className="flex gap-1 border-b border-slate-200">
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              refs.current[name] = el
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`${base}-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => select(name)}
            onKeyDown={onKeyDown}
            className={cx(
              '-mb-px border-b-2 px-3 py-2 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600',
              tab === name ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900',
            )}
          >
            {t(`chat.tabs.${name}`)}
          </button>
        ))}
      </div>
      {TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`${base}-panel-${name}`}
          aria-labelledby={`${base}-tab-${name}`}
          hidden={tab !== name}
          tabIndex={0}
          className="pt-4 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {name === 'chat' &&
            (unavailable ? (
              <ChatUnavailable>{unavailable}</ChatUnavailable>
            ) : (
              <ChatPanel scope={{ kind: 'group', id: groupId }} onCitation={onCitation} showHistoryLink />
            ))}
          {name === 'history' && tab === 'history' && <HistoryTab groupId={groupId} onCitation={onCitation} />}
          {name === 'analytics' && tab === 'analytics' && (
            <Suspense fallback={<AnalyticsSkeleton />}>
              <AnalyticsTab groupId={groupId} onCitation={onCitation} />
            </Suspense>
          )}
        </div>
      ))}
    </div>
  )
}

const ORIGIN_TONES: Record<ChatLog['origin'], BadgeTone> = { owner: 'neutral', share: 'indigo', api: 'amber' }

/** The answer as plain text, shortened: Markdown marks go, [n] markers stay. */
export function answerExcerpt(answer: string, max = 280): string {
  const plain = answer
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain
}

function HistoryTab({ groupId, onCitation }: GroupChatTabsProps) {
  const { t } = useTranslation()
  const lang = useLanguage()
  const toast = useToast()
  const [page, setPage] = useState(1)
  const [confirming, setConfirming] = useState(false)
  const logs = useQuery({ ...chatLogsQuery(groupId, page, PAGE_SIZE), placeholderData: (previous) => previous })
  const clear = useClearChatLogs(groupId)
  const data = logs.data
  const empty = data !== undefined && data.totalCount === 0

  let body
  if (logs.isPending) {
    body = <ListSkeleton />
  } else if (logs.isError && !data) {
    body = <ErrorState title={t('chat.history.loadFailed')} error={logs.error} onRetry={() => void logs.refetch()} retrying={logs.isFetching} />
  } else if (!data || empty) {
    body = <EmptyState headingLevel={3} title={t('chat.history.emptyTitle')} description={t('chat.history.emptyBody')} />
  } else {
    body = (
      <>
        <ol className="space-y-3" aria-label={t('chat.history.label')} data-testid="chat-history">
          {data.items.map((log) => (
            <li key={log.id} className="rounded-xl border border-slate-200 p-3" data-testid="chat-log-item">
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <time dateTime={log.createdAt}>{formatDateTime(log.createdAt, lang)}</time>
                <Badge tone={ORIGIN_TONES[log.origin]}>{t(`chat.history.origin.${log.origin}`)}</Badge>
                <FeedbackBadge value={log.feedback ?? null} />
              </div>
              <p className="mt-2 font-medium [overflow-wrap:anywhere] text-slate-900">{log.question}</p>
              <p className="mt-1 text-sm [overflow-wrap:anywhere] text-slate-700">{answerExcerpt(log.answer)}</p>
              {log.feedbackComment && (
                <p className="mt-1 text-sm text-slate-600 italic">
                  {t('chat.history.comment', { comment: log.feedbackComment })}
                </p>
              )}
              {log.citations.length > 0 && (
                <div className="mt-2 flex flex-wrap gap-1" aria-label={t('chat.history.citations')} role="group">
                  {log.citations.map((citation) => (
                    <CitationChip key={`${citation.n}-${citation.sceneId}`} citation={citation} onCitation={onCitation} />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ol>
        <div className="mt-4">
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            totalCount={data.totalCount}
            onPageChange={setPage}
            busy={logs.isFetching}
            label={t('chat.history.pages')}
          />
        </div>
      </>
    )
  }

  return (
    <section aria-label={t('chat.tabs.history')}>
      <div className="mb-3 flex flex-wrap justify-end gap-2">
        <a href={chatLogsCsvUrl(groupId)} download className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          {t('chat.history.export')}
        </a>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={empty || !data}>
          {t('chat.history.clear')}
        </Button>
      </div>
      {body}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        pending={clear.isPending}
        error={clear.error}
        title={t('chat.history.clearTitle')}
        description={t('chat.history.clearBody')}
        confirmLabel={t('chat.history.clearConfirm')}
        testId="clear-history-dialog"
        onConfirm={() =>
          clear.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false)
              setPage(1)
              toast(t('chat.history.cleared'))
            },
          })
        }
      />
    </section>
  )
}

function FeedbackBadge({ value }: { value: ChatLog['feedback'] | null }) {
  const { t } = useTranslation()
  if (value === 'good') return <Badge tone="green">{t('chat.history.feedback.good')}</Badge>
  if (value === 'bad') return <Badge tone="red">{t('chat.history.feedback.bad')}</Badge>
  return <Badge>{t('chat.history.feedback.none')}</Badge>
}

function AnalyticsTab({ groupId, onCitation }: GroupChatTabsProps) {
  const { t } = useTranslation()
  const analytics = useQuery(chatAnalyticsQuery(groupId))
  if (analytics.isPending) return <AnalyticsSkeleton />
  if (analytics.isError)
    return (
      <ErrorState
        title={t('chat.analytics.loadFailed')}
        error={analytics.error}
        onRetry={() => void analytics.refetch()}
        retrying={analytics.isFetching}
      />
    )
  return <AnalyticsView data={analytics.data} onCitation={onCitation} />
}

function ListSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="space-y-3" aria-busy="true">
      <span className="sr-only" role="status">
        {t('common.loading')}
      </span>
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} className="h-24 w-full rounded-xl" />
      ))}
    </div>
  )
}

function AnalyticsSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="space-y-3" aria-busy="true">
      <span className="sr-only" role="status">
        {t('common.loading')}
      </span>
      <Skeleton className="h-48 w-full rounded-xl" />
      <Skeleton className="h-24 w-full rounded-xl" />
    </div>
  )
}
