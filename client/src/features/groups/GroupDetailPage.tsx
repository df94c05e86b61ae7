import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError } from '../../api/errors'
import { refreshSession } from '../../api/sessionFetch'
import { Button, ButtonLink } from '../../components/Button'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/EmptyState'
import { ErrorState, errorMessage } from '../../components/ErrorState'
import { Skeleton } from '../../components/Skeleton'
import { useToast } from '../../components/Toast'
import { LocalizedLink } from '../../i18n/LocalizedLink'
import { useDocumentTitle } from '../../lib/useDocumentTitle'
import { ArrowLeftIcon, UploadIcon } from '../videos/icons'
import { PlayerProvider } from '../videos/player'
import { transcriptQuery } from '../videos/transcript/queries'
import { useOpenUploadDialog } from '../videos/upload/UploadQueue'
import { AddVideosDialog } from './AddVideosDialog'
import { DeleteGroupDialog } from './DeleteGroupDialog'
import { EditGroupDialog } from './GroupFormDialog'
import { OwnerGroupChat } from './GroupChat'
import { GroupPlayer, GroupTranscript } from './GroupPlayer'
import { PlusIcon } from './icons'
import { SortableMemberList } from './MemberList'
import { groupQuery, useRemoveGroupVideo, useReorderGroup, type Group, type GroupVideo } from './queries'
import { SharePanel } from './SharePanel'
import { Tabs, tabPanelProps } from './Tabs'
import { useMediaQuery } from './useMediaQuery'

type TabKey = 'videos' | 'player' | 'chat' | 'share'
const TABS_ID = 'group-tabs'

function DetailSkeleton() {
  const { t } = useTranslation()
  return (
    <div className="mt-6 space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        {t('common.loading')}
      </span>
      <Skeleton className="h-9 w-1/2" />
      <div className="grid gap-6 lg:grid-cols-5">
        <Skeleton className="h-80 w-full rounded-2xl lg:col-span-2" />
        <Skeleton className="aspect-video w-full rounded-2xl lg:col-span-3" />
      </div>
    </div>
  )
}

/** The player column: the selected member and its scenes. */
function PlayerColumn({ video, autoPlay }: { video: GroupVideo | undefined; autoPlay: boolean }) {
  const { t } = useTranslation()
  const transcript = useQuery({ ...transcriptQuery(video?.id ?? ''), enabled: video?.status === 'ready' })
  if (!video) {
    return (
      <div className="flex aspect-video w-full items-center justify-center rounded-2xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600" data-testid="player-empty">
        {t('groups.player.empty')}
      </div>
    )
  }
  return (
    <div className="space-y-6">
      <GroupPlayer
        key={video.id}
        video={video}
        transcript={transcript.data}
        autoPlay={autoPlay}
        renewSession={async () => (await refreshSession()) === 'refreshed'}
      />
      <GroupTranscript video={video} transcript={transcript} />
    </div>
  )
}

function Members({
  group,
  selectedId,
  onSelect,
  onAdd,
  onUpload,
}: {
  group: Group
  selectedId: string | undefined
  onSelect: (video: GroupVideo) => void
  onAdd: () => void
  onUpload: () => void
}) {
  const { t } = useTranslation()
  const toast = useToast()
  const reorder = useReorderGroup(group.id)
  const remove = useRemoveGroupVideo(group.id)
  const [removingId, setRemovingId] = useState<string>()

  const onRemove = (video: GroupVideo) => {
    setRemovingId(video.id)
    remove.mutate(video.id, {
      onSuccess: () => toast(t('groups.members.removed', { title: video.title })),
      onError: (error) => toast(`${t('groups.members.removeFailed')} ${errorMessage(error, t)}`, 'error'),
      onSettled: () => setRemovingId(undefined),
    })
  }

  return (
    <Card as="section" aria-labelledby="members-heading" data-testid="members-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="members-heading" className="font-semibold text-slate-900">
          {t('groups.members.heading', { count: group.videos.length })}
        </h2>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={onUpload}>
            <UploadIcon className="size-4" />
            {t('groups.members.upload')}
          </Button>
          <Button size="sm" onClick={onAdd}>
            <PlusIcon className="size-4" />
            {t('groups.members.add')}
          </Button>
        </div>
      </div>
      <div className="mt-4">
        {group.videos.length === 0 ? (
          <div className="rounded-xl border border-dashed border-slate-300 px-4 py-8 text-center" data-testid="members-empty">
            <p className="font-medium text-slate-900">{t('groups.members.emptyTitle')}</p>
            <p className="mt-1 text-sm text-slate-600">{t('groups.members.emptyBody')}</p>
          </div>
        ) : (
          <>
            <p className="mb-3 text-xs text-slate-500">{t('groups.members.hint')}</p>
            <SortableMemberList
              videos={group.videos}
              selectedId={selectedId}
              onSelect={onSelect}
              onRemove={onRemove}
              removingId={removingId}
              label={t('groups.members.listLabel')}
              onReorder={(ids) =>
                reorder.mutate(ids, {
                  onError: (error) => toast(`${t('groups.members.reorderFailed')} ${errorMessage(error, t)}`, 'error'),
                })
              }
            />
          </>
        )}
      </div>
    </Card>
  )
}

/**
 * `/groups/:id`: name and description (edit, delete), the members (drag or keyboard to reorder, remove, add,
 * upload into the group), the player with the selected member's scenes, and the share link. Under 768 px the
 * three parts become tabs.
 */
export function GroupDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const group = useQuery(groupQuery(id))
  const narrow = useMediaQuery('(max-width: 767px)')
  const [tab, setTab] = useState<TabKey>('videos')
  const [selectedId, setSelectedId] = useState<string>()
  const [autoPlay, setAutoPlay] = useState(false)
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [adding, setAdding] = useState(false)
  const openUpload = useOpenUploadDialog()
  useDocumentTitle(group.data?.name ?? t('groups.detail.documentTitle'))

  const data = group.data
  const selected = data?.videos.find((v) => v.id === selectedId) ?? data?.videos[0]
  const notFound = group.error instanceof ApiError && (group.error.status === 404 || group.error.status === 400)

  const select = (video: GroupVideo) => {
    setSelectedId(video.id)
    setAutoPlay(true)
    if (narrow) setTab('player')
  }

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <LocalizedLink
        to="/groups"
        className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <ArrowLeftIcon />
        {t('groups.detail.back')}
      </LocalizedLink>
      {group.isPending && <DetailSkeleton />}
      {group.isError && !data && (
        <div className="mt-6">
          {notFound ? (
            <EmptyState
              headingLevel={1}
              title={t('groups.detail.notFoundTitle')}
              description={t('groups.detail.notFoundBody')}
              action={<ButtonLink to="/groups">{t('groups.detail.back')}</ButtonLink>}
            />
          ) : (
            <ErrorState title={t('groups.detail.loadFailed')} error={group.error} onRetry={() => void group.refetch()} retrying={group.isFetching} />
          )}
        </div>
      )}
      {data && (
        <>
          <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere] text-slate-900 sm:text-3xl">{data.name}</h1>
              {data.description && <p className="mt-2 max-w-3xl whitespace-pre-line text-slate-600">{data.description}</p>}
            </div>
            <div className="flex shrink-0 gap-2">
              <Button variant="secondary" onClick={() => setEditing(true)}>
                {t('groups.detail.edit')}
              </Button>
              <Button variant="danger" onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </div>
          </div>

          {narrow && (
            <div className="mt-6">
              <Tabs
                idPrefix={TABS_ID}
                label={t('groups.tabs.label')}
                selected={tab}
                onSelect={setTab}
                items={[
                  { key: 'videos', label: t('groups.tabs.videos') },
                  { key: 'player', label: t('groups.tabs.player') },
                  { key: 'chat', label: t('groups.tabs.chat') },
                  { key: 'share', label: t('groups.tabs.share') },
                ]}
              />
            </div>
          )}

          <PlayerProvider>
            <div className="mt-6 grid gap-6 md:grid-cols-5 md:items-start lg:gap-8">
              <div className="min-w-0 space-y-6 md:col-span-2">
                <div {...tabPanelProps(TABS_ID, 'videos', tab, narrow)}>
                  <Members group={data} selectedId={selected?.id} onSelect={select} onAdd={() => setAdding(true)} onUpload={() => openUpload(data.id)} />
                </div>
                <div {...tabPanelProps(TABS_ID, 'share', tab, narrow)}>
                  <SharePanel group={data} />
                </div>
              </div>
              <div className="min-w-0 space-y-6 md:col-span-3">
                <div {...tabPanelProps(TABS_ID, 'player', tab, narrow)}>
                  <PlayerColumn video={selected} autoPlay={autoPlay} />
                </div>
                <div {...tabPanelProps(TABS_ID, 'chat', tab, narrow)}>
                  <OwnerGroupChat
                    groupId={data.id}
                    videos={data.videos}
                    selectedId={selected?.id}
                    select={(videoId) => {
                      setSelectedId(videoId)
                      if (narrow) setTab('player')
                    }}
                  />
                </div>
              </div>
            </div>
          </PlayerProvider>

          <EditGroupDialog group={data} open={editing} onClose={() => setEditing(false)} />
          <DeleteGroupDialog group={data} open={deleting} onClose={() => setDeleting(false)} />
          <AddVideosDialog group={data} open={adding} onClose={() => setAdding(false)} />
        </>
      )}
    </div>
  )
}
