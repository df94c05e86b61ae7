// Media files made with Debian's ffmpeg when a journey needs them, rather than checked in.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { artifacts } from './env.ts'

/** A test pattern with a tone and no subtitles, `seconds` long, as MP4 (about 25 kB a second). */
export function makeClip(name = 'e2e-clip', seconds = 2) {
  const dir = path.join(artifacts, 'media')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.mp4`)
  if (existsSync(file)) return file
  execFileSync(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=25`, '-f', 'lavfi', '-i', `sine=duration=${seconds}`,
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    { stdio: 'inherit' },
  )
  return file
}

/** Slows the page's uploads down to about `seconds` for `bytes` (so progress, cancel and "leave page?" can be seen). */
export async function throttleUploads(page: import('@playwright/test').Page, bytes: number, seconds: number) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: Math.max(1024, Math.round(bytes / seconds)),
  })
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await cdp.detach()
  }
}
