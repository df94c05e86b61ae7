// The transcript journey in a real browser against the real API and Worker: a new user adds the built-in sample,
// opens it, sees it become ready live (over SSE, no reload), gets the scene list and captions, and a scene's
// timestamp seeks the player.
import { checkPage, expect, test } from '../support/fixtures.ts'
import { signedInUser } from '../support/session.ts'

test('transcript: sample ready live, scene list, captions, a timestamp seeks the player', async ({ page }) => {
  await signedInUser(page, 'e2etr')

  // 1. Add the sample from the empty library.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await expect(page.getByRole('heading', { name: 'Your video library is empty' })).toBeVisible()
  await page.getByRole('button', { name: 'Add a sample video' }).click()
  const card = page.getByTestId('video-card')
  await expect(card.first()).toBeVisible({ timeout: 90_000 })
  const sampleTitle = ((await card.first().getByRole('heading', { level: 3 }).textContent()) ?? '').trim()
  expect(sampleTitle.length).toBeGreaterThan(0)

  // 2. Open it. From here on the page is never reloaded: a marker on `window` must survive until the end.
  await card.first().getByRole('link', { name: sampleTitle }).click()
  await expect(page.getByRole('heading', { level: 1, name: sampleTitle })).toBeVisible()
  await page.evaluate(() => Object.assign(window, { __askvideoNoReload: true }))

  // 3. The status becomes ready live (SSE), within 90 s.
  const status = page.getByTestId('status-panel').getByTestId('video-status')
  await expect(status).toHaveAttribute('data-status', /^(ready|failed)$/, { timeout: 90_000 })
  if ((await status.getAttribute('data-status')) !== 'ready') {
    const failure = await page.getByTestId('processing-failure').textContent().catch(() => '')
    throw new Error(`the sample should become ready, but it failed: ${failure}`)
  }
  expect(await page.evaluate(() => 'window' in globalThis && (window as unknown as { __askvideoNoReload?: boolean }).__askvideoNoReload)).toBe(true)

  // 4. The scene list appears (the transcript is fetched again when the video settles).
  const panel = page.getByTestId('transcript-panel')
  await expect(panel.getByTestId('scene-list')).toBeVisible({ timeout: 30_000 })
  const seekButtons = panel.getByTestId('scene-seek')
  const sceneCount = await seekButtons.count()
  expect(sceneCount).toBeGreaterThanOrEqual(1)
  // The sample carries subtitles (a sidecar file or a track in the container).
  await expect(panel.getByTestId('transcript-source')).toHaveText(/^(Subtitles|Embedded subtitle track)$/)
  await checkPage(page, 'video detail, ready')

  // Captions from the WebVTT endpoint.
  const player = page.getByTestId('video-player')
  const track = player.locator('track[kind="captions"]')
  await expect(track).toHaveAttribute('src', /^\/api\/v1\/videos\/[0-9a-f-]+\/transcript\?format=vtt/, { timeout: 10_000 })

  // The media can seek once its metadata is in.
  await expect.poll(() => player.evaluate((el: HTMLVideoElement) => (el.readyState >= 1 ? el.duration : 0)), { timeout: 30_000 }).toBeGreaterThan(0)

  // 5. Move the playhead away (near the end), then the last scene's timestamp seeks the player back to that scene.
  const duration = await player.evaluate((el: HTMLVideoElement) => el.duration)
  await player.evaluate((el: HTMLVideoElement) => {
    el.currentTime = el.duration - 0.2
  })
  await expect.poll(() => player.evaluate((el: HTMLVideoElement) => el.currentTime)).toBeGreaterThanOrEqual(duration - 1)
  const target = seekButtons.nth(sceneCount - 1)
  const startMs = Number(await target.getAttribute('data-start-ms'))
  expect(Number.isFinite(startMs) && startMs / 1000 < duration - 2, `the scene starts well before the end, got ${startMs}`).toBe(true)
  await target.click()
  await expect
    .poll(() => player.evaluate((el: HTMLVideoElement) => el.currentTime), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(startMs / 1000 - 0.5)
  expect(await player.evaluate((el: HTMLVideoElement) => el.currentTime)).toBeLessThan(duration - 1.5)
  // The scene at the playback position is marked.
  await expect(panel.locator('[data-testid="scene-seek"][aria-current="true"]')).toBeVisible()

  // 6. The editor opens with the WebVTT text; Cancel without edits closes it.
  await panel.getByRole('button', { name: 'Edit transcript' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit transcript' })
  const text = editor.getByRole('textbox', { name: 'Transcript (WebVTT)' })
  await expect(text).toHaveValue(/^WEBVTT/)
  await checkPage(page, 'transcript editor')
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await expect(editor).toBeHidden()

  expect(await page.evaluate(() => (window as unknown as { __askvideoNoReload?: boolean }).__askvideoNoReload), 'the page was not reloaded').toBe(true)
})
