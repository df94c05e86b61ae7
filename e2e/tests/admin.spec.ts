// The dead-letter journey, for real: on this stack speech recognition goes to an AI endpoint that is down, so a
// user who saved an API key and uploads a clip without subtitles gets a processing job that fails on every attempt
// (two, one second apart, on the e2e stack) until the queue moves it to the dead letters. The administrator finds
// it on Admin → Jobs and retries it from there; the job leaves the dead letters and runs the video's pipeline again.
import { api, type VideoDto } from '../support/api.ts'
import { admin, viewports } from '../support/env.ts'
import { checkPage, expect, scrollsSideways, shot, tablesScrollingSideways, test } from '../support/fixtures.ts'
import { makeClip } from '../support/media.ts'
import { signIn, signedInUser } from '../support/session.ts'

test('admin: a video job that keeps failing is dead-lettered, and the admin retries it from Admin → Jobs', async ({ page, browser, pageErrors }) => {
  test.setTimeout(300_000)
  expect(admin.username, 'E2E_ADMIN_USERNAME and E2E_ADMIN_PASSWORD name the admin that test.sh created').not.toBe('')
  await signedInUser(page, 'e2edead')

  // 1. The user saves an API key (it cannot be verified: the AI server is down, and the page says so).
  await page.goto('/settings/ai')
  await page.getByLabel('API key', { exact: true }).fill('sk-e2e-dead-letter-key-0001')
  await page.getByRole('button', { name: 'Save key' }).click()
  await expect(page.getByText('Key saved. The AI server could not be reached to verify it; it will be used as is.', { exact: true })).toBeVisible({ timeout: 30_000 })
  await checkPage(page, 'AI settings with an unverified key')

  // 2. A clip without subtitles: processing needs speech recognition, which cannot be reached.
  await page.goto('/videos')
  await page.getByRole('button', { name: /^Upload (a video|videos)$/ }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Upload videos' })
  await dialog.getByTestId('upload-input').setInputFiles(makeClip('dead-letter-clip'))
  await dialog.getByRole('button', { name: 'Upload 1 file' }).click()
  await expect(dialog.getByTestId('upload-done')).toBeVisible({ timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Done' }).click()
  const videos = await api<{ items: VideoDto[] }>(page, 'GET', '/api/v1/videos?q=dead-letter-clip')
  const video = videos.items[0]
  expect(video, 'the uploaded clip is in the library').toBeTruthy()

  // 3. Both attempts fail; on the last one the video is marked failed and the job is dead-lettered.
  await expect
    .poll(async () => (await api<VideoDto>(page, 'GET', `/api/v1/videos/${video.id}`)).status, { timeout: 120_000, intervals: [1000] })
    .toBe('failed')
  await page.goto(`/videos/${video.id}`)
  await expect(page.getByTestId('processing-failure')).toBeVisible()
  await checkPage(page, 'video whose processing failed')
  await shot(page, 'admin-1-video-failed')

  // A group with the failed video: its member row says why, to the owner (the real reason) and to a guest of the
  // shared link (that it failed, without the owner's details), and its chat says there is nothing to ask about.
  const group = await api<{ id: string }>(page, 'POST', '/api/v1/groups', { name: 'Failed member', description: 'A group whose video failed.' })
  await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [video.id] })
  await page.goto(`/groups/${group.id}`)
  const ownerFailure = page.getByTestId('member-failure')
  await expect(ownerFailure).toBeVisible()
  await expect(ownerFailure).not.toBeEmpty()
  // Nothing to answer from: the chat says so instead of inviting questions.
  await expect(page.getByTestId('chat-unavailable')).toHaveText('None of these videos could be processed, so there is nothing to ask about yet.')
  await expect(page.getByTestId('chat-input')).toHaveCount(0)
  await checkPage(page, 'group with a failed member')
  await shot(page, 'admin-1b-group-failed-member')
  const share = await api<{ url: string }>(page, 'POST', `/api/v1/groups/${group.id}/share`)
  const guestContext = await browser.newContext({ viewport: viewports.phone })
  const guest = await guestContext.newPage()
  guest.on('pageerror', (error) => pageErrors.push(`guest: ${String(error)}`))
  await guest.goto(new URL(share.url).pathname)
  const guestFailure = guest.getByTestId('member-failure')
  await expect(guestFailure).toBeVisible()
  await expect(guestFailure).not.toBeEmpty()
  await expect(guest.getByTestId('chat-unavailable')).toBeVisible()
  await checkPage(guest, 'shared group with a failed member, phone')
  await shot(guest, 'admin-1c-shared-group-failed-member-phone')
  await guestContext.close()

  // 4. The administrator, in another browser, finds the dead job on Admin → Jobs (dead letters are the default view).
  const adminContext = await browser.newContext({ viewport: viewports.desktop })
  const adminTab = await adminContext.newPage()
  adminTab.on('pageerror', (error) => pageErrors.push(`admin: ${String(error)}`))
  await signIn(adminTab, admin)
  await adminTab.getByRole('link', { name: 'Admin' }).first().click()
  await adminTab.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Jobs' }).click()
  await expect(adminTab.getByRole('heading', { name: 'Background jobs' })).toBeVisible()
  await expect(adminTab.getByLabel('Show jobs')).toHaveValue('dead')
  const jobs = await api<{ jobs: { items: { id: string; type: string; status: string; lastError: string | null }[] } }>(adminTab, 'GET', '/api/v1/admin/jobs?status=dead&pageSize=100')
  const dead = jobs.jobs.items.find((j) => j.type === 'ProcessVideo' && j.status === 'dead')
  expect(dead, `a dead ProcessVideo job: ${JSON.stringify(jobs.jobs.items)}`).toBeTruthy()
  // The page names a job by the end of its id (UUIDv7 ids of the same minute share their start).
  const short = dead!.id.replace(/-/g, '').slice(-8)
  const row = adminTab.getByTestId('job-row').filter({ hasText: short })
  await expect(row).toBeVisible()
  await expect(row).toContainText('ProcessVideo')
  await expect(row).toContainText('2 of 2')
  await checkPage(adminTab, 'admin jobs, dead letters')
  await shot(adminTab, 'admin-2-dead-letters')
  // On a phone the table's rows stack (each cell named by its column): neither the page nor the table scrolls sideways.
  await adminTab.setViewportSize(viewports.phone)
  await row.scrollIntoViewIfNeeded()
  await expect(row.getByRole('button', { name: `Retry job ProcessVideo ${short}` })).toBeInViewport({ ratio: 1 })
  expect(await scrollsSideways(adminTab), `Admin → Jobs scrolls sideways at ${viewports.phone.width} px`).toBe(false)
  expect(await tablesScrollingSideways(adminTab), 'tables that scroll sideways on a phone').toEqual([])
  await checkPage(adminTab, 'admin jobs, dead letters, phone')
  await shot(adminTab, 'admin-2-dead-letters-phone')
  await adminTab.setViewportSize(viewports.desktop)

  // 5. Retry: the job goes back on the queue, leaves the dead letters and runs the pipeline again: the video is
  // queued again, and with the AI server still down both attempts fail once more (a retry that did not requeue the
  // video used to finish at once, "succeeded" with nothing done).
  await row.getByRole('button', { name: `Retry job ProcessVideo ${short}` }).click()
  await expect(adminTab.getByText('The ProcessVideo job is queued again.', { exact: true })).toBeVisible()
  await expect(row).toBeHidden({ timeout: 30_000 })
  await expect
    .poll(async () => {
      const all = await api<{ jobs: { items: { id: string; status: string; attempts: number }[] } }>(adminTab, 'GET', '/api/v1/admin/jobs?status=all&pageSize=100')
      const job = all.jobs.items.find((j) => j.id === dead!.id)
      return job && job.status !== 'pending' && job.status !== 'running' && job.status !== 'dispatched' ? `${job.status} after ${job.attempts}` : 'in flight'
    }, { timeout: 120_000, intervals: [1000] })
    .toBe('dead after 2')
  expect((await api<VideoDto>(page, 'GET', `/api/v1/videos/${video.id}`)).status).toBe('failed')
  await adminTab.getByLabel('Show jobs').selectOption('all')
  await expect(adminTab.getByTestId('job-row').filter({ hasText: short })).toBeVisible()
  await checkPage(adminTab, 'admin jobs, all')
  await shot(adminTab, 'admin-3-after-retry')
  await adminContext.close()
})
