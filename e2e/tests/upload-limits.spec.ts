// Uploads that do not go through: the user cancels one while its bytes are moving (nothing is kept), a file over
// the per-file limit is refused before any byte is sent, and once the video limit is reached the dialog says so
// instead of offering to upload. The limits are the ones an administrator sets on Admin → Users.
import { statSync } from 'node:fs'
import { api, type VideoDto } from '../support/api.ts'
import { setUserLimits } from '../support/admin.ts'
import { checkPage, expect, shot, test } from '../support/fixtures.ts'
import { makeClip, throttleUploads } from '../support/media.ts'
import { signedInUser } from '../support/session.ts'

test('uploads: cancel while sending, a file over the size limit, the video limit reached', async ({ page }) => {
  const clip = makeClip('cancel-me', 8)
  const { username } = await signedInUser(page, 'e2elimit')
  await page.goto('/videos')

  // 1. Cancel: the upload is slowed to ~20 s, cancelled half-way; the row says so and no video is created.
  await page.getByRole('button', { name: /^Upload (a video|videos)$/ }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Upload videos' })
  await dialog.getByTestId('upload-input').setInputFiles(clip)
  const unthrottle = await throttleUploads(page, statSync(clip).size, 20)
  await dialog.getByRole('button', { name: 'Upload 1 file' }).click()
  const bar = dialog.getByRole('progressbar', { name: /cancel-me/ })
  await expect(bar).toBeVisible()
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0)
  await dialog.getByRole('button', { name: 'Cancel the upload of cancel-me.mp4' }).click()
  await expect(dialog.getByTestId('upload-row')).toContainText('Cancelled')
  await expect(dialog.getByRole('button', { name: 'Retry the upload of cancel-me.mp4' })).toBeVisible()
  await checkPage(page, 'upload cancelled')
  await shot(page, 'upload-1-cancelled', { fullPage: false })
  await unthrottle()
  expect((await api<{ totalCount: number }>(page, 'GET', '/api/v1/videos')).totalCount, 'a cancelled upload leaves no video').toBe(0)
  await dialog.getByRole('button', { name: /^(Done|Close)$/ }).first().click()
  await expect(dialog).toBeHidden()

  // 2. The administrator limits the account: 100 kB a file, one video.
  await setUserLimits(username, { maxUploadBytes: 100 * 1024, videoLimit: 1 })
  await page.reload()
  await page.getByRole('button', { name: /^Upload (a video|videos)$/ }).first().click()
  await expect(dialog.getByText('Video or audio files, up to 100 kB each.')).toBeVisible()
  await dialog.getByTestId('upload-input').setInputFiles(clip)
  const rejected = dialog.getByTestId('upload-row')
  await expect(rejected.getByTestId('upload-error')).toHaveText('This file is larger than your upload limit of 100 kB.')
  await expect(dialog.getByRole('button', { name: 'Upload 1 file' })).toBeDisabled()
  await checkPage(page, 'file over the size limit')
  await shot(page, 'upload-2-too-large', { fullPage: false })
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(dialog).toBeHidden()

  // 3. One video (the sample) fills the account: the dialog explains the limit and offers no file picker.
  const sample = await api<VideoDto>(page, 'POST', '/api/v1/videos/sample')
  expect(sample.id).toBeTruthy()
  await page.reload()
  await expect(page.getByTestId('video-card')).toHaveCount(1)
  await page.getByRole('button', { name: /^Upload (a video|videos)$/ }).first().click()
  await expect(dialog.getByText('You have reached your video limit')).toBeVisible()
  await expect(dialog.getByText('Your account can hold 1 video. Delete one, or ask an administrator to raise the limit.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Choose files' })).toBeDisabled()
  await checkPage(page, 'video limit reached')
  await shot(page, 'upload-3-limit-reached', { fullPage: false })

  // The server says the same to a client that does not check first.
  const csrf = (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? ''
  const second = await page.request.post('/api/v1/videos/sample', { headers: { 'X-CSRF-Token': csrf } })
  expect(second.status()).toBeGreaterThanOrEqual(400)
  expect(second.status()).toBeLessThan(500)
  expect(((await second.json()) as { code?: string }).code).toBe('video_limit_reached')
})
