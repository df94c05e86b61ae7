import { useState } from 'react'
import { cx } from '../../lib/cx'
import type { Video } from './queries'

const GRADIENTS = [
  'from-indigo-500 to-violet-600',
  'from-sky-500 to-indigo-600',
  'from-violet-500 to-fuchsia-600',
  'from-teal-500 to-sky-600',
  'from-slate-600 to-indigo-700',
  'from-rose-500 to-violet-600',
] as const

/** A stable pick from the id, so each video keeps its colour. */
function gradientFor(id: string): string {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0
  return GRADIENTS[Math.abs(hash) % GRADIENTS.length]!
}

function MediaGlyph({ audio, className }: { audio: boolean; className?: string }) {
  return audio ? (
    <svg className={className} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" aria-hidden="true">
      <path d="M4 10v4M8 7v10M12 4v16M16 8v8M20 11v2" />
    </svg>
  ) : (
    <svg className={className} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
      <rect x="3" y="5" width="18" height="14" rx="2.5" />
      <path d="m10 9.5 4.5 2.5-4.5 2.5v-5Z" fill="currentColor" strokeLinejoin="round" />
    </svg>
  )
}

/**
 * The thumbnail processing made, or (until then, or when it fails to load) a calm gradient with a video or
 * audio glyph. Decorative: the card's title names the video.
 */
export function VideoThumbnail({
  video,
  className,
  size = 'md',
}: {
  video: Pick<Video, 'id' | 'thumbnailUrl' | 'contentType'>
  className?: string
  size?: 'sm' | 'md'
}) {
  const [failed, setFailed] = useState<string>()
  const src = video.thumbnailUrl && failed !== video.thumbnailUrl ? video.thumbnailUrl : undefined
  return (
    <div className={cx('relative aspect-video overflow-hidden bg-slate-100', className)}>
      {src ? (
        <img src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(src)} className="size-full object-cover" />
      ) : (
        <div
          className={cx('flex size-full items-center justify-center bg-gradient-to-br text-white/85', gradientFor(video.id))}
          data-testid="thumbnail-placeholder"
        >
          <MediaGlyph audio={video.contentType.startsWith('audio/')} className={size === 'sm' ? 'size-6' : 'size-10'} />
        </div>
      )}
    </div>
  )
}
