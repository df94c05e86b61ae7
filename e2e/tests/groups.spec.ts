// The Groups journey in a real browser against the real API and Worker: a new user with two videos makes a group,
// adds both, reorders them with the keyboard (the order survives a reload), shares the group, a guest with no
// cookies watches it, and once the owner revokes the link the guest is told it no longer works.
import type { Page } from '@playwright/test'
import { api } from '../support/api.ts'
import { checkPage, expect, scrollsSideways, shot, test } from '../support/fixtures.ts'
import { signedInUser } from '../support/session.ts'

/** The titles of the member rows, in the order shown. */
function memberTitles(page: Page) {
  return page.getByTestId('member-title').allTextContents()
}

test('group: add two videos, keyboard reorder persists, share with a guest, revoke', async ({ page, browser, pageErrors }) => {
  await signedInUser(page, 'e2egrp')

  // 1. Two videos: the sample from the empty library, then a second sample through the API (renamed, so the two
  //    can be told apart).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await expect(page.getByRole('heading', { name: 'Your video library is empty' })).toBeVisible()
  await page.getByRole('button', { name: 'Add a sample video' }).click()
  await expect(page.getByTestId('video-card').first()).toBeVisible({ timeout: 90_000 })
  const firstTitle = ((await page.getByTestId('video-card').first().getByRole('heading', { level: 3 }).textContent()) ?? '').trim()
  const second = await api<{ id: string }>(page, 'POST', '/api/v1/videos/sample')
  const secondTitle = 'Second sample'
  await api(page, 'PATCH', `/api/v1/videos/${second.id}`, { title: secondTitle })
  expect(firstTitle).not.toBe(secondTitle)

  // 2. Create a group from the empty Groups page: the dialog leads to the new group.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No groups yet' })).toBeVisible()
  await checkPage(page, 'groups, empty')
  await page.getByRole('main').getByRole('button', { name: 'Create a group' }).click()
  const create = page.getByRole('dialog', { name: 'Create a group' })
  await create.getByRole('textbox', { name: 'Name' }).fill('E2E tour')
  await create.getByRole('textbox', { name: /Description/ }).fill('Two sample clips, in a chosen order.')
  await checkPage(page, 'create group dialog')
  await create.getByRole('button', { name: 'Create group' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E tour' })).toBeVisible()
  expect(new URL(page.url()).pathname).toMatch(/^\/groups\/[0-9a-f-]{36}$/)
  const groupPath = new URL(page.url()).pathname
  await expect(page.getByTestId('members-empty')).toBeVisible()
  await checkPage(page, 'group, empty')

  // 3. Add both videos with "Select all on this page".
  await page.getByRole('button', { name: 'Add videos' }).click()
  const add = page.getByRole('dialog', { name: 'Add videos' })
  await expect(add.getByTestId('add-videos-list')).toBeVisible()
  await add.getByRole('checkbox', { name: 'Select all on this page' }).check()
  await checkPage(page, 'add videos dialog')
  await add.getByRole('button', { name: 'Add 2 videos' }).click()
  await expect(page.getByText('2 added', { exact: true })).toBeVisible()
  await expect(add).toBeHidden()
  await expect(page.getByTestId('group-member')).toHaveCount(2)
  const before = await memberTitles(page)
  expect([...before].sort()).toEqual([firstTitle, secondTitle].sort())
  await checkPage(page, 'group with members')

  // 4. Reorder with the keyboard: focus the first row's handle, Space, ArrowDown, Space.
  const order = page.waitForResponse((r) => r.url().endsWith(`/api/v1${groupPath}/order`) && r.request().method() === 'PUT')
  await page.getByRole('button', { name: `Reorder ${before[0]}` }).focus()
  await page.keyboard.press('Space')
  await page.waitForTimeout(250)
  await page.keyboard.press('ArrowDown')
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')
  const saved = await order
  expect(saved.status()).toBe(200)
  expect(((await saved.json()) as { videos: unknown[] }).videos).toHaveLength(2)
  const expected = [before[1], before[0]]
  await expect(page.getByTestId('member-title')).toHaveText(expected)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'E2E tour' })).toBeVisible()
  await expect(page.getByTestId('member-title'), 'the new order persisted').toHaveText(expected)

  // 5. Share: the link appears in a read-only field.
  const panel = page.getByTestId('share-panel')
  await panel.getByRole('button', { name: 'Create share link' }).click()
  const field = panel.getByRole('textbox', { name: 'Share link' })
  await expect(field).toHaveValue(/\/share\//)
  const shareUrl = new URL(await field.inputValue())
  expect(shareUrl.pathname).toMatch(/^\/share\/[A-Za-z0-9_-]+$/)
  await checkPage(page, 'group shared')
  await shot(page, 'groups-shared')

  // 6. A guest in a fresh context (no cookies) sees the group and its two videos, and one plays.
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const guest = await guestContext.newPage()
  const guestApiCalls: string[] = []
  guest.on('pageerror', (error) => pageErrors.push(`guest: ${String(error)}`))
  guest.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/')) guestApiCalls.push(path)
  })
  await guest.goto(shareUrl.pathname)
  await expect(guest.getByRole('heading', { level: 1, name: 'E2E tour' })).toBeVisible()
  await expect(guest.getByText('Two sample clips, in a chosen order.')).toBeVisible()
  await expect(guest.getByTestId('powered-by')).toBeVisible()
  expect(await memberTitles(guest), 'the guest sees the owner’s order').toEqual(expected)
  const player = guest.getByTestId('video-player')
  expect(await player.getAttribute('src')).toMatch(/^\/api\/v1\/shared\/[A-Za-z0-9_-]+\/videos\/[0-9a-f-]+\/media$/)
  await player.evaluate(async (video: HTMLVideoElement) => {
    video.muted = true
    try {
      await video.play()
    } catch {
      // The checks below say whether it played.
    }
  })
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.currentTime > 0 || video.readyState >= 2), { timeout: 30_000 })
    .toBe(true)
  await checkPage(guest, 'shared group (guest)')
  expect(guestApiCalls.length).toBeGreaterThan(0)
  // Only the link's own endpoints and the public configuration (which answerer the chat uses).
  for (const path of guestApiCalls) expect(path, 'the guest only calls public endpoints').toMatch(/^\/api\/v1\/(shared\/|config\/frontend$)/)

  // 7. The owner revokes the link; the guest's reload says it doesn't work anymore.
  await panel.getByRole('button', { name: 'Revoke' }).click()
  const revoke = page.getByRole('alertdialog', { name: 'Revoke the share link?' }).or(page.getByRole('dialog', { name: 'Revoke the share link?' }))
  await checkPage(page, 'revoke confirmation')
  await revoke.getByRole('button', { name: 'Revoke link' }).click()
  await expect(panel.getByTestId('share-none')).toBeVisible()
  await guest.reload()
  await expect(guest.getByRole('heading', { level: 1, name: 'This link doesn’t work anymore' })).toBeVisible()
  await expect(guest.getByText('Ask the person who shared it for a new one.')).toBeVisible()
  await checkPage(guest, 'revoked share link')

  // 8. Narrow screens: the group page becomes tabs, without horizontal scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByRole('tablist', { name: 'Group sections' })).toBeVisible()
  await page.getByRole('tab', { name: 'Player' }).click()
  await expect(page.getByTestId('video-player')).toBeVisible()
  expect(await scrollsSideways(page), 'no horizontal scrolling at 390 px').toBe(false)
  await checkPage(page, 'group page, phone')
  await guestContext.close()
})
