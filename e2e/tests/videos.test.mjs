// The Videos journey in a real browser against the real API and Worker: a new user sees the empty library, adds
// the built-in sample, watches it in the player, uploads a generated clip through the dialog (with a real progress
// bar), and deletes a video.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { statSync } from 'node:fs'
import path from 'node:path'
import { artifacts, baseUrl, launch, screenshotPath } from './browser.mjs'
import { signedInUser } from './session.mjs'

let browser
let clip

before(async () => {
  // A 2-second test pattern with a tone, made here rather than checked in.
  clip = path.join(artifacts, 'e2e-clip.mp4')
  execFileSync(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=duration=2',
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip],
    { stdio: 'inherit' },
  )
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** The aria-valuenow values a progress bar goes through, sampled in the page until it is gone or complete. */
function recordProgress(page, selector) {
  return page.evaluate(
    (sel) =>
      new Promise((resolve) => {
        const seen = []
        const started = Date.now()
        const tick = () => {
          const bar = document.querySelector(sel)
          const value = bar?.getAttribute('aria-valuenow')
          if (value !== null && value !== undefined && seen.at(-1) !== Number(value)) seen.push(Number(value))
          if ((seen.length > 0 && (!bar || seen.at(-1) === 100)) || Date.now() - started > 60_000) resolve(seen)
          else requestAnimationFrame(tick)
        }
        tick()
      }),
    selector,
  )
}

test('empty library, sample video, player, upload with progress, delete', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))

  await signedInUser(page, 'e2evid')

  // 1. The empty library explains the flow and offers the sample.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await page.getByRole('heading', { level: 1, name: 'Videos' }).waitFor()
  await page.getByRole('heading', { name: 'Your video library is empty' }).waitFor()
  assert.equal(await page.title(), 'Videos · AskVideo')
  await page.screenshot({ path: screenshotPath('videos-1-empty'), fullPage: true })

  // 2. "Add a sample video": the server makes the clip (espeak-ng + ffmpeg) the first time, then a card appears.
  const sampleButton = page.getByRole('button', { name: 'Add a sample video' })
  await sampleButton.click()
  const card = page.getByTestId('video-card')
  await card.first().waitFor({ timeout: 90_000 })
  assert.equal(await card.count(), 1)
  // Processing starts at once, so by now the card may already show a later state.
  assert.ok(['queued', 'processing', 'ready'].includes(await card.getByTestId('video-status').getAttribute('data-status')))
  await page.getByText('The sample video was added to your library.').waitFor()
  const sampleTitle = (await card.getByRole('heading', { level: 3 }).textContent()).trim()
  assert.ok(sampleTitle.length > 0)
  await page.screenshot({ path: screenshotPath('videos-2-sample-card'), fullPage: true })

  // 3. The detail page plays the media straight from /api/v1/videos/{id}/media, and follows the status over SSE.
  const events = page.waitForResponse((r) => /\/api\/v1\/videos\/[0-9a-f-]+\/events$/.test(r.url()))
  await card.getByRole('link', { name: sampleTitle }).click()
  const stream = await events
  assert.equal(stream.status(), 200)
  assert.match(stream.headers()['content-type'], /^text\/event-stream/)
  await page.getByRole('heading', { level: 1, name: sampleTitle }).waitFor()
  const player = page.getByTestId('video-player')
  await player.waitFor()
  assert.equal(await player.evaluate((el) => el.tagName), 'VIDEO')
  assert.match(await player.getAttribute('src'), /^\/api\/v1\/videos\/[0-9a-f-]+\/media$/)
  await page.waitForFunction(() => {
    const video = document.querySelector('video')
    return video !== null && video.readyState >= 1 && Number.isFinite(video.duration) && video.duration > 0
  }, undefined, { timeout: 30_000 })
  const duration = await player.evaluate((el) => el.duration)
  assert.ok(duration > 1, `the sample should last more than a second, got ${duration}`)
  await page.getByTestId('status-panel').waitFor()
  await page.getByTestId('transcript-panel').waitFor()
  await page.screenshot({ path: screenshotPath('videos-3-detail'), fullPage: true })

  // 4. Upload a generated clip. The upload is throttled so the progress bar is seen moving.
  await page.getByRole('link', { name: 'All videos' }).click()
  await page.getByTestId('videos-grid').waitFor()
  await page.getByRole('button', { name: 'Upload videos' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upload videos' })
  await dialog.waitFor()
  await dialog.getByTestId('upload-input').setInputFiles(clip)
  const row = dialog.getByTestId('upload-row')
  await row.waitFor()
  assert.equal(await row.getByRole('textbox', { name: 'Title for e2e-clip.mp4' }).inputValue(), 'e2e-clip')
  await dialog.getByRole('combobox', { name: 'Tags' }).fill('e2e')
  await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter')
  await page.screenshot({ path: screenshotPath('videos-4-upload-dialog') })

  const cdp = await context.newCDPSession(page)
  const bytes = statSync(clip).size
  // About 3 seconds for the whole file.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: Math.max(4096, Math.round(bytes / 3)),
  })
  const progress = recordProgress(page, '[data-testid="upload-progress"]')
  await dialog.getByRole('button', { name: 'Upload 1 file' }).click()
  await dialog.getByTestId('upload-progress').waitFor()
  await page.waitForTimeout(700)
  await page.screenshot({ path: screenshotPath('videos-5-upload-progress') })
  const seen = await progress
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
  await row.getByTestId('upload-done').waitFor({ timeout: 60_000 })
  assert.equal(seen.at(-1), 100, `the bar reaches 100 %: ${seen.join(', ')}`)
  assert.ok(seen.some((v) => v > 0 && v < 100), `the bar shows progress on the way: ${seen.join(', ')}`)
  await dialog.getByText('1 of 1 uploaded').waitFor()
  await page.screenshot({ path: screenshotPath('videos-6-upload-done') })
  await dialog.getByRole('button', { name: 'Done' }).click()
  await dialog.waitFor({ state: 'hidden' })

  // The list has refreshed: the new clip is first (newest first), in the pipeline, with its tag. (It has no
  // subtitles and no speech recognition is configured here, so it ends failed with no_transcript_source.)
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="video-card"]').length === 2)
  const newest = card.first()
  await newest.getByRole('link', { name: 'e2e-clip' }).waitFor()
  assert.ok(['queued', 'processing', 'failed'].includes(await newest.getByTestId('video-status').getAttribute('data-status')))
  await newest.getByRole('button', { name: 'Show videos tagged e2e' }).waitFor()
  await page.screenshot({ path: screenshotPath('videos-7-grid'), fullPage: true })

  // Search narrows the list (debounced, kept in the URL).
  await page.getByRole('searchbox', { name: 'Search' }).fill('e2e-clip')
  await page.waitForURL((url) => url.searchParams.get('q') === 'e2e-clip')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="video-card"]').length === 1)
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  await page.waitForURL((url) => !url.searchParams.has('q'))
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="video-card"]').length === 2)

  // 5. Delete the uploaded clip from its page: confirmation, then back to the list.
  await newest.getByRole('link', { name: 'e2e-clip' }).click()
  await page.getByRole('heading', { level: 1, name: 'e2e-clip' }).waitFor()
  await page.getByRole('main').getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete this video?' })
  await confirm.waitFor()
  await page.screenshot({ path: screenshotPath('videos-8-delete-confirm') })
  await confirm.getByRole('button', { name: 'Delete video' }).click()
  await page.getByText('“e2e-clip” was deleted.').waitFor()
  assert.equal(new URL(page.url()).pathname, '/videos')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="video-card"]').length === 1)
  assert.equal((await card.getByRole('heading', { level: 3 }).textContent()).trim(), sampleTitle)
  const gone = await page.request.get(`${baseUrl}/api/v1/videos?q=e2e-clip`)
  assert.equal((await gone.json()).totalCount, 0)

  // 6. Narrow screens: no horizontal scrolling.
  await page.setViewportSize({ width: 360, height: 780 })
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no horizontal scrolling at 360 px')
  await page.screenshot({ path: screenshotPath('videos-9-mobile'), fullPage: true })

  // The dashboard lists the video with its status.
  await page.goto(`${baseUrl}/`)
  await page.getByTestId('recent-videos').getByRole('link', { name: sampleTitle }).waitFor()
  await page.screenshot({ path: screenshotPath('videos-10-dashboard-mobile'), fullPage: true })

  assert.deepEqual(pageErrors, [])
  await context.close()
})
