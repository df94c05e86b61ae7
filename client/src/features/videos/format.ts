/** 75.4 → "1:15", 3723 → "1:02:03" (the way video players show lengths). */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

/** "clip.final.mp4" → "clip.final": the default title of an upload (as the server would pick). */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  return stem.trim() || name
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
}

const MEDIA_EXTENSIONS = new Set([
  '3g2', '3gp', 'aac', 'avi', 'flac', 'flv', 'm2ts', 'm4a', 'm4v', 'mkv', 'mov', 'mp3', 'mp4', 'mpeg', 'mpg',
  'mts', 'oga', 'ogg', 'ogv', 'opus', 'ts', 'wav', 'weba', 'webm', 'wma', 'wmv',
])

/**
 * A first, friendly check that a file is audio or video (by its type, or by its extension when the browser does
 * not know the type). The server has the last word: it inspects the content with ffprobe.
 */
export function looksLikeMedia(file: Pick<File, 'name' | 'type'>): boolean {
  if (file.type.startsWith('video/') || file.type.startsWith('audio/')) return true
  return MEDIA_EXTENSIONS.has(extension(file.name))
}

export const MAX_SUBTITLE_BYTES = 5 * 1024 * 1024

export function isSubtitleFile(file: Pick<File, 'name'>): boolean {
  const ext = extension(file.name)
  return ext === 'srt' || ext === 'vtt'
}

/** The server's limits on a video's text fields. */
export const MAX_TITLE_LENGTH = 200
export const MAX_DESCRIPTION_LENGTH = 5000

/** "ja" → "Japanese" (in the UI language), or the code itself when the browser cannot name it. */
export function languageName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
