import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { cx } from '../../lib/cx'
import { failureSummary } from '../videos/failure'
import { formatDuration } from '../videos/format'
import { VideoStatusBadge } from '../videos/VideoStatus'
import { VideoThumbnail } from '../videos/VideoThumbnail'
import { DragHandleIcon, TrashIcon } from './icons'
import type { GroupVideo } from './queries'

/** Thumbnail, title, length and status (with why it failed, translated from its code): the button that selects the video for the player. */
function MemberButton({ video, selected, onSelect }: { video: GroupVideo; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      className="flex min-w-0 flex-1 items-center gap-3 rounded-lg p-1 text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      data-testid="member-select"
    >
      <VideoThumbnail video={{ id: video.id, thumbnailUrl: video.thumbnailUrl, contentType: 'video/mp4' }} size="sm" className="w-24 shrink-0 rounded-md sm:w-28" />
      <span className="min-w-0 flex-1">
        <span className={cx('line-clamp-2 text-sm font-semibold [overflow-wrap:anywhere]', selected ? 'text-indigo-800' : 'text-slate-900')} data-testid="member-title">
          {video.title}
        </span>
        <span className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-600">
          {video.durationSeconds != null && video.durationSeconds > 0 && (
            <span className="tabular-nums">
              <span className="sr-only">{t('videos.card.duration')} </span>
              {formatDuration(video.durationSeconds)}
            </span>
          )}
          <VideoStatusBadge status={video.status} />
          {selected && <span className="font-medium text-indigo-700">{t('groups.members.playing')}</span>}
        </span>
        {video.status === 'failed' && video.error && (
          <span className="mt-1 block text-xs text-red-700 [overflow-wrap:anywhere]" data-testid="member-failure">
            {failureSummary(video.error, t)}
          </span>
        )}
      </span>
    </button>
  )
}

function rowClasses(selected: boolean) {
  return cx(
    'flex items-center gap-1 rounded-xl border bg-white p-1.5 sm:gap-2',
    selected ? 'border-indigo-300 ring-1 ring-indigo-200' : 'border-slate-200',
  )
}

function SortableMember({
  video,
  index,
  selected,
  onSelect,
  onRemove,
  removing,
}: {
  video: GroupVideo
  index: number
  selected: boolean
  onSelect: () => void
  onRemove: () => void
  removing: boolean
}) {
  const { t } = useTranslation()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: video.id })
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cx(rowClasses(selected), isDragging && 'relative z-10 shadow-lg')}
      data-testid="group-member"
      data-video-id={video.id}
      data-index={index}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t('groups.members.reorder', { title: video.title })}
        className="flex h-10 w-8 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-slate-500 hover:bg-slate-100 hover:text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600 active:cursor-grabbing"
        data-testid="drag-handle"
      >
        <DragHandleIcon className="size-5" />
      </button>
      <MemberButton video={video} selected={selected} onSelect={onSelect} />
      <button
        type="button"
        onClick={onRemove}
        disabled={removing}
        aria-label={t('groups.members.remove', { title: video.title })}
        title={t('groups.members.removeShort')}
        className="flex size-10 shrink-0 items-center justify-center rounded-md text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-50"
      >
        <TrashIcon className="size-5" />
      </button>
    </li>
  )
}

/**
 * The owner's member list: drag the handle with a pointer, or focus it and use Space, the arrow keys and Space
 * again (Escape cancels); every step is announced. `onReorder` gets the new order of ids.
 */
export function SortableMemberList({
  videos,
  selectedId,
  onSelect,
  onRemove,
  removingId,
  onReorder,
  label,
}: {
  videos: readonly GroupVideo[]
  selectedId: string | undefined
  onSelect: (video: GroupVideo) => void
  onRemove: (video: GroupVideo) => void
  removingId?: string
  onReorder: (ids: string[]) => void
  label: string
}) {
  const { t } = useTranslation()
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const ids = useMemo(() => videos.map((v) => v.id), [videos])

  const announcements = useMemo<Announcements>(() => {
    const title = (id: UniqueIdentifier) => videos.find((v) => v.id === id)?.title ?? ''
    const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1)
    const total = ids.length
    return {
      onDragStart: ({ active }) => t('groups.dnd.pickedUp', { title: title(active.id), position: position(active.id), total }),
      onDragOver: ({ active, over }) =>
        over ? t('groups.dnd.movedTo', { title: title(active.id), position: position(over.id), total }) : t('groups.dnd.outside', { title: title(active.id) }),
      onDragEnd: ({ active, over }) =>
        over ? t('groups.dnd.dropped', { title: title(active.id), position: position(over.id), total }) : t('groups.dnd.outside', { title: title(active.id) }),
      onDragCancel: ({ active }) => t('groups.dnd.cancelled', { title: title(active.id), position: position(active.id) }),
    }
  }, [ids, videos, t])

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = ids.indexOf(String(active.id))
    const to = ids.indexOf(String(over.id))
    if (from < 0 || to < 0) return
    onReorder(arrayMove(ids, from, to))
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('groups.dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={label} className="space-y-2" data-testid="member-list">
          {videos.map((video, index) => (
            <SortableMember
              key={video.id}
              video={video}
              index={index}
              selected={video.id === selectedId}
              onSelect={() => onSelect(video)}
              onRemove={() => onRemove(video)}
              removing={removingId === video.id}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  )
}

/** The guests' list: the same rows, without reordering or removal. */
export function PlainMemberList({
  videos,
  selectedId,
  onSelect,
  label,
  children,
}: {
  videos: readonly GroupVideo[]
  selectedId: string | undefined
  onSelect: (video: GroupVideo) => void
  label: string
  children?: ReactNode
}) {
  return (
    <ol aria-label={label} className="space-y-2" data-testid="member-list">
      {videos.map((video) => (
        <li key={video.id} className={rowClasses(video.id === selectedId)} data-testid="group-member" data-video-id={video.id}>
          <MemberButton video={video} selected={video.id === selectedId} onSelect={() => onSelect(video)} />
        </li>
      ))}
      {children}
    </ol>
  )
}
