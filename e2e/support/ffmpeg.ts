// Playwright records videos with an ffmpeg of its own, which it would download. This machine downloads nothing
// but packages, so Debian's ffmpeg (installed by scripts/install-deps.sh) is linked where Playwright looks for its
// own: <PLAYWRIGHT_BROWSERS_PATH>/ffmpeg-<revision>/ffmpeg-linux. Browsers are never looked up there: the config
// gives Chromium's path.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export function useSystemFfmpegForVideo(systemFfmpeg = '/usr/bin/ffmpeg') {
  if (!existsSync(systemFfmpeg)) return
  const require = createRequire(import.meta.url)
  const browsersJson = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'browsers.json')
  const { browsers } = JSON.parse(readFileSync(browsersJson, 'utf8')) as { browsers: { name: string; revision: string }[] }
  const revision = browsers.find((b) => b.name === 'ffmpeg')?.revision
  if (!revision) return
  const root = path.resolve(import.meta.dirname, '..', '.playwright')
  process.env.PLAYWRIGHT_BROWSERS_PATH = root
  const dir = path.join(root, `ffmpeg-${revision}`)
  const link = path.join(dir, 'ffmpeg-linux')
  if (existsSync(link)) return
  mkdirSync(dir, { recursive: true })
  symlinkSync(systemFfmpeg, link)
}
