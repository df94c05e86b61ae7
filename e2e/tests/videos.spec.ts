// The Videos journey in a real browser against the real API and Worker: a new user sees the empty library, adds
// the built-in sample, watches it in the player, uploads a generated clip through the dialog (with a real progress
// bar), and deletes a video.
import { statSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { checkPage, expect, scrollsSideways, shot, test } from '../support/fixtures.ts'
import { makeClip, throttleUploads } from '../support/media.ts'
import { signedInUser } from '../support/session.ts'

/** The aria-valuenow values a progress bar goes through, sampled in the page until it is gone or complete. */
function recordProgress(page: Page, selector: string) {
  return page.evaluate(
    (sel) =>
      new Promise<number[]>((resolve) => {
        const seen: number[] = []
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

test('videos: empty library, sample video, player, upload with progress, delete', async ({ page }) => {
  const clip = makeClip()
  await signedInUser(page, 'e2evid')

  // 1. The empty library explains the flow and offers the sample.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Videos' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Your video library is empty' })).toBeVisible()
  await expect(page).toHaveTitle('Videos · AskVideo')
  await checkPage(page, 'videos, empty')

  // 2. "Add a sample video": the server makes the clip (espeak-ng + ffmpeg) the first time, then a card appears.
  await page.getByRole('button', { name: 'Add a sample video' }).click()
  const card = page.getByTestId('video-card')
  await expect(card).toHaveCount(1, { timeout: 90_000 })
  // Processing starts at once, so by now the card may already show a later state.
  expect(['queued', 'processing', 'ready']).toContain(await card.getByTestId('video-status').getAttribute('data-status'))
  await expect(page.getByText('The sample video was added to your library.', { exact: true })).toBeVisible()
  const sampleTitle = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim()
  expect(sampleTitle.length).toBeGreaterThan(0)

  // 3. The detail page plays the media straight from /api/v1/videos/{id}/media, and follows the status over SSE.
  //    (The stream is opened only while the video is in the pipeline; the sample may be ready by now. The transcript
  //    journey follows one from processing to ready.)
  const streams: import('@playwright/test').Response[] = []
  page.on('response', (r) => {
    if (/\/api\/v1\/videos\/[0-9a-f-]+\/events$/.test(r.url())) streams.push(r)
  })
  await card.getByRole('link', { name: sampleTitle }).click()
  await expect(page.getByRole('heading', { level: 1, name: sampleTitle })).toBeVisible()
  const player = page.getByTestId('video-player')
  expect(await player.evaluate((el) => el.tagName)).toBe('VIDEO')
  expect(await player.getAttribute('src')).toMatch(/^\/api\/v1\/videos\/[0-9a-f-]+\/media$/)
  await expect.poll(() => player.evaluate((el: HTMLVideoElement) => (el.readyState >= 1 ? el.duration : 0)), { timeout: 30_000 }).toBeGreaterThan(1)
  await expect(page.getByTestId('status-panel')).toBeVisible()
  await expect(page.getByTestId('transcript-panel')).toBeVisible()
  for (const stream of streams) {
    expect(stream.status()).toBe(200)
    expect(stream.headers()['content-type']).toMatch(/^text\/event-stream/)
  }
  await checkPage(page, 'video detail')

  // 4. Upload a generated clip. The upload is throttled so the progress bar is seen moving.
  await page.getByRole('link', { name: 'All videos' }).click()
  await expect(page.getByTestId('videos-grid')).toBeVisible()
  await checkPage(page, 'videos grid')
  await page.getByRole('button', { name: 'Upload videos' }).click()
  const dialog = page.getByRole('dialog', { name: 'Upload videos' })
  await expect(dialog).toBeVisible()
  await checkPage(page, 'upload dialog')
  await dialog.getByTestId('upload-input').setInputFiles(clip)
  const row = dialog.getByTestId('upload-row')
  await expect(row.getByRole('textbox', { name: 'Title for e2e-clip.mp4' })).toHaveValue('e2e-clip')
  await dialog.getByRole('combobox', { name: 'Tags' }).fill('e2e')
  await dialog.getByRole('combobox', { name: 'Tags' }).press('Enter')
  await checkPage(page, 'upload dialog with a file')

  const unthrottle = await throttleUploads(page, statSync(clip).size, 3)
  const progress = recordProgress(page, '[data-testid="upload-progress"]')
  await dialog.getByRole('button', { name: 'Upload 1 file' }).click()
  await expect(dialog.getByTestId('upload-progress')).toBeVisible()
  await page.waitForTimeout(700)
  await checkPage(page, 'upload in progress')
  const seen = await progress
  await unthrottle()
  await expect(row.getByTestId('upload-done')).toBeVisible({ timeout: 60_000 })
  expect(seen.at(-1), `the bar reaches 100 %: ${seen.join(', ')}`).toBe(100)
  expect(seen.some((v) => v > 0 && v < 100), `the bar shows progress on the way: ${seen.join(', ')}`).toBe(true)
  await expect(dialog.getByText('1 of 1 uploaded')).toBeVisible()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()

  // The list has refreshed: the new clip is first (newest first), in the pipeline, with its tag. (It has no
  // subtitles and its owner has no AI key, so it ends failed with no_transcript_source.)
  await expect(card).toHaveCount(2)
  const newest = card.first()
  await expect(newest.getByRole('link', { name: 'e2e-clip' })).toBeVisible()
  expect(['queued', 'processing', 'failed']).toContain(await newest.getByTestId('video-status').getAttribute('data-status'))
  await expect(newest.getByRole('button', { name: 'Show videos tagged e2e' })).toBeVisible()

  // Search narrows the list (debounced, kept in the URL).
  await page.getByRole('searchbox', { name: 'Search' }).fill('e2e-clip')
  await page.waitForURL((url) => url.searchParams.get('q') === 'e2e-clip')
  await expect(card).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Search' }).fill('')
  await page.waitForURL((url) => !url.searchParams.has('q'))
  await expect(card).toHaveCount(2)

  // 5. Delete the uploaded clip from its page: confirmation, then back to the list.
  await newest.getByRole('link', { name: 'e2e-clip' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-clip' })).toBeVisible()
  await page.getByRole('main').getByRole('button', { name: 'Delete' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete this video?' }).or(page.getByRole('dialog', { name: 'Delete this video?' }))
  await expect(confirm).toBeVisible()
  await checkPage(page, 'delete confirmation')
  await confirm.getByRole('button', { name: 'Delete video' }).click()
  await expect(page.getByText('“e2e-clip” was deleted.', { exact: true })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/videos')
  await expect(card).toHaveCount(1)
  await expect(card.getByRole('heading', { level: 3 })).toHaveText(sampleTitle)
  const gone = await page.request.get('/api/v1/videos?q=e2e-clip')
  expect(((await gone.json()) as { totalCount: number }).totalCount).toBe(0)

  // 6. Narrow screens: no horizontal scrolling.
  await page.setViewportSize({ width: 360, height: 780 })
  expect(await scrollsSideways(page), 'no horizontal scrolling at 360 px').toBe(false)
  await checkPage(page, 'videos, 360 px')
  await shot(page, 'videos-360')

  // The dashboard lists the video with its status.
  await page.goto('/')
  await expect(page.getByTestId('recent-videos').getByRole('link', { name: sampleTitle })).toBeVisible()
  await checkPage(page, 'dashboard with a video')
})
