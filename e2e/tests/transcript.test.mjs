// The transcript journey in a real browser against the real API and Worker: a new user adds the built-in sample,
// opens it, sees it become ready live (over SSE, no reload), gets the scene list and captions, and a scene's
// timestamp seeks the player.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { launch, screenshotPath } from './browser.mjs'
import { signedInUser } from './session.mjs'

let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

test('sample video: ready live, scene list, captions, a timestamp seeks the player', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))

  await signedInUser(page, 'e2etr')

  // 1. Add the sample from the empty library.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await page.getByRole('heading', { name: 'Your video library is empty' }).waitFor()
  await page.getByRole('button', { name: 'Add a sample video' }).click()
  const card = page.getByTestId('video-card')
  await card.first().waitFor({ timeout: 90_000 })
  const sampleTitle = (await card.first().getByRole('heading', { level: 3 }).textContent()).trim()
  assert.ok(sampleTitle.length > 0)

  // 2. Open it. From here on the page is never reloaded: a marker on `window` must survive until the end.
  await card.first().getByRole('link', { name: sampleTitle }).click()
  await page.getByRole('heading', { level: 1, name: sampleTitle }).waitFor()
  await page.evaluate(() => {
    window.__askvideoNoReload = true
  })

  // 3. The status becomes ready live (SSE), within 90 s.
  const statusSelector = '[data-testid="status-panel"] [data-testid="video-status"]'
  await page.waitForFunction(
    (selector) => ['ready', 'failed'].includes(document.querySelector(selector)?.getAttribute('data-status') ?? ''),
    statusSelector,
    { timeout: 90_000, polling: 250 },
  )
  const status = await page.locator(statusSelector).getAttribute('data-status')
  if (status !== 'ready') {
    const failure = await page.getByTestId('processing-failure').textContent().catch(() => '')
    assert.fail(`the sample should become ready, but it ${status}: ${failure}`)
  }
  assert.equal(await page.evaluate(() => window.__askvideoNoReload), true, 'the page was not reloaded')

  // 4. The scene list appears (the transcript is fetched again when the video settles).
  const panel = page.getByTestId('transcript-panel')
  await panel.getByTestId('scene-list').waitFor({ timeout: 30_000 })
  const seekButtons = panel.getByTestId('scene-seek')
  const sceneCount = await seekButtons.count()
  assert.ok(sceneCount >= 1, `the sample should have scenes, got ${sceneCount}`)
  // The sample carries subtitles (a sidecar file or a track in the container).
  assert.match(await panel.getByTestId('transcript-source').textContent(), /^(Subtitles|Embedded subtitle track)$/)

  // Captions from the WebVTT endpoint.
  const player = page.getByTestId('video-player')
  const track = player.locator('track[kind="captions"]')
  await track.waitFor({ state: 'attached', timeout: 10_000 })
  assert.match(await track.getAttribute('src'), /^\/api\/v1\/videos\/[0-9a-f-]+\/transcript\?format=vtt/)

  // The media can seek once its metadata is in.
  await page.waitForFunction(() => {
    const video = document.querySelector('video')
    return video !== null && video.readyState >= 1 && Number.isFinite(video.duration) && video.duration > 0
  }, undefined, { timeout: 30_000 })

  // 5. Move the playhead away (near the end), then the last scene's timestamp seeks the player back to that scene.
  //    (The short sample fits in one or two scenes of the default 512-token budget.)
  const duration = await player.evaluate((el) => el.duration)
  await player.evaluate((el) => {
    el.currentTime = el.duration - 0.2
  })
  await page.waitForFunction((end) => (document.querySelector('video')?.currentTime ?? 0) >= end - 1, duration, { timeout: 10_000 })
  const target = seekButtons.nth(sceneCount - 1)
  const startMs = Number(await target.getAttribute('data-start-ms'))
  assert.ok(Number.isFinite(startMs) && startMs / 1000 < duration - 2, `the scene starts well before the end, got ${startMs}`)
  await target.click()
  await page.waitForFunction(
    ([from, to]) => {
      const t = document.querySelector('video')?.currentTime ?? -1
      return t >= from && t < to
    },
    [startMs / 1000 - 0.5, duration - 1.5],
    { timeout: 10_000 },
  )
  const currentTime = await player.evaluate((el) => el.currentTime)
  assert.ok(currentTime >= startMs / 1000 - 0.5, `currentTime ${currentTime} should be at least ${startMs / 1000 - 0.5}`)
  // The scene at the playback position is marked (the second, or a later one if playback has moved on).
  await panel.locator('[data-testid="scene-seek"][aria-current="true"]').waitFor()
  await page.screenshot({ path: screenshotPath('transcript-1-detail'), fullPage: true })

  // 6. The editor opens with the WebVTT text; Cancel without edits closes it.
  await panel.getByRole('button', { name: 'Edit transcript' }).click()
  const editor = page.getByRole('dialog', { name: 'Edit transcript' })
  const text = editor.getByRole('textbox', { name: 'Transcript (WebVTT)' })
  await text.waitFor()
  assert.match(await text.inputValue(), /^WEBVTT/)
  await page.screenshot({ path: screenshotPath('transcript-2-editor') })
  await editor.getByRole('button', { name: 'Cancel' }).click()
  await editor.waitFor({ state: 'hidden' })

  assert.equal(await page.evaluate(() => window.__askvideoNoReload), true, 'the page was not reloaded')
  assert.deepEqual(pageErrors, [])
  await context.close()
})
