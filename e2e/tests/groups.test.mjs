// The Groups journey in a real browser against the real API and Worker: a new user with two videos makes a group,
// adds both, reorders them with the keyboard (the order survives a reload), shares the group, a guest with no
// cookies watches it, and once the owner revokes the link the guest is told it no longer works.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { baseUrl, launch, screenshotPath } from './browser.mjs'
import { signedInUser } from './session.mjs'

let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

/** Calls the API with the page's cookies and the CSRF header, as the app does for unsafe methods. */
async function api(page, method, path, data) {
  const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'csrf_token')?.value
  assert.ok(csrf, 'the signed-in page has a csrf_token cookie')
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' },
    data,
  })
  assert.ok(response.ok(), `${method} ${path}: HTTP ${response.status()} ${await response.text()}`)
  return response.status() === 204 ? undefined : response.json()
}

/** The titles of the member rows, in the order shown. */
function memberTitles(page) {
  return page.getByTestId('member-title').allTextContents()
}

test('group: add two videos, keyboard reorder persists, share with a guest, revoke', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))

  await signedInUser(page, 'e2egrp')

  // 1. Two videos: the sample from the empty library, then a second sample through the API (renamed, so the two
  //    can be told apart).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Videos' }).click()
  await page.getByRole('heading', { name: 'Your video library is empty' }).waitFor()
  await page.getByRole('button', { name: 'Add a sample video' }).click()
  await page.getByTestId('video-card').first().waitFor({ timeout: 90_000 })
  const firstTitle = (await page.getByTestId('video-card').first().getByRole('heading', { level: 3 }).textContent()).trim()
  const second = await api(page, 'POST', '/api/v1/videos/sample')
  const secondTitle = 'Second sample'
  await api(page, 'PATCH', `/api/v1/videos/${second.id}`, { title: secondTitle })
  assert.notEqual(firstTitle, secondTitle)

  // 2. Create a group from the empty Groups page: the dialog leads to the new group.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click()
  await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor()
  await page.getByRole('heading', { name: 'No groups yet' }).waitFor()
  await page.screenshot({ path: screenshotPath('groups-1-empty'), fullPage: true })
  await page.getByRole('main').getByRole('button', { name: 'Create a group' }).click()
  const create = page.getByRole('dialog', { name: 'Create a group' })
  await create.getByRole('textbox', { name: 'Name' }).fill('E2E tour')
  await create.getByRole('textbox', { name: /Description/ }).fill('Two sample clips, in a chosen order.')
  await create.getByRole('button', { name: 'Create group' }).click()
  await page.getByRole('heading', { level: 1, name: 'E2E tour' }).waitFor()
  assert.match(new URL(page.url()).pathname, /^\/groups\/[0-9a-f-]{36}$/)
  const groupPath = new URL(page.url()).pathname
  await page.getByTestId('members-empty').waitFor()

  // 3. Add both videos with "Select all on this page".
  await page.getByRole('button', { name: 'Add videos' }).click()
  const add = page.getByRole('dialog', { name: 'Add videos' })
  await add.getByTestId('add-videos-list').waitFor()
  await add.getByRole('checkbox', { name: 'Select all on this page' }).check()
  await page.screenshot({ path: screenshotPath('groups-2-add-dialog') })
  await add.getByRole('button', { name: 'Add 2 videos' }).click()
  await page.getByText('2 added').waitFor()
  await add.waitFor({ state: 'hidden' })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="group-member"]').length === 2)
  const before = await memberTitles(page)
  assert.deepEqual([...before].sort(), [firstTitle, secondTitle].sort())
  await page.screenshot({ path: screenshotPath('groups-3-members'), fullPage: true })

  // 4. Reorder with the keyboard: focus the first row's handle, Space, ArrowDown, Space.
  const order = page.waitForResponse((r) => r.url().endsWith(`/api/v1${groupPath}/order`) && r.request().method() === 'PUT')
  const handle = page.getByRole('button', { name: `Reorder ${before[0]}` })
  await handle.focus()
  await page.keyboard.press('Space')
  await page.waitForTimeout(250)
  await page.keyboard.press('ArrowDown')
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')
  const saved = await order
  assert.equal(saved.status(), 200)
  // (The request body of a fetch made with a stream is not visible here; the answer is the saved group.)
  assert.equal((await saved.json()).videos.length, 2)
  const expected = [before[1], before[0]]
  await page.waitForFunction(
    (titles) => [...document.querySelectorAll('[data-testid="member-title"]')].map((e) => e.textContent).join('\n') === titles.join('\n'),
    expected,
  )
  await page.reload()
  await page.getByRole('heading', { level: 1, name: 'E2E tour' }).waitFor()
  await page.getByTestId('group-member').first().waitFor()
  assert.deepEqual(await memberTitles(page), expected, 'the new order persisted')

  // 5. Share: the link appears in a read-only field.
  const panel = page.getByTestId('share-panel')
  await panel.getByRole('button', { name: 'Create share link' }).click()
  const field = panel.getByRole('textbox', { name: 'Share link' })
  await field.waitFor()
  const shareUrl = new URL(await field.inputValue())
  assert.match(shareUrl.pathname, /^\/share\/[A-Za-z0-9_-]+$/)
  await page.screenshot({ path: screenshotPath('groups-4-shared'), fullPage: true })

  // 6. A guest in a fresh context (no cookies) sees the group and its two videos, and one plays.
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const guest = await guestContext.newPage()
  const guestErrors = []
  const guestApiCalls = []
  guest.on('pageerror', (error) => guestErrors.push(String(error)))
  guest.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.startsWith('/api/')) guestApiCalls.push(path)
  })
  const guestUrl = `${baseUrl}${shareUrl.pathname}`
  await guest.goto(guestUrl)
  await guest.getByRole('heading', { level: 1, name: 'E2E tour' }).waitFor()
  await guest.getByText('Two sample clips, in a chosen order.').waitFor()
  await guest.getByTestId('powered-by').waitFor()
  assert.deepEqual(await memberTitles(guest), expected, 'the guest sees the owner’s order')
  const player = guest.getByTestId('video-player')
  assert.match(await player.getAttribute('src'), /^\/api\/v1\/shared\/[A-Za-z0-9_-]+\/videos\/[0-9a-f-]+\/media$/)
  await player.evaluate(async (video) => {
    video.muted = true
    try {
      await video.play()
    } catch {
      // The checks below say whether it played.
    }
  })
  await guest.waitForFunction(
    () => {
      const video = document.querySelector('[data-testid="video-player"]')
      return video !== null && (video.currentTime > 0 || video.readyState >= 2)
    },
    undefined,
    { timeout: 30_000 },
  )
  await guest.screenshot({ path: screenshotPath('groups-5-guest'), fullPage: true })
  assert.ok(guestApiCalls.length > 0)
  // Only the link's own endpoints and the public configuration (which answerer the chat uses).
  for (const path of guestApiCalls) assert.match(path, /^\/api\/v1\/(shared\/|config\/frontend$)/, `the guest only calls public endpoints: ${path}`)

  // 7. The owner revokes the link; the guest's reload says it doesn't work anymore.
  await panel.getByRole('button', { name: 'Revoke' }).click()
  const revoke = page.getByRole('dialog', { name: 'Revoke the share link?' })
  await revoke.getByRole('button', { name: 'Revoke link' }).click()
  await panel.getByTestId('share-none').waitFor()
  await guest.reload()
  await guest.getByRole('heading', { level: 1, name: 'This link doesn’t work anymore' }).waitFor()
  await guest.getByText('Ask the person who shared it for a new one.').waitFor()
  await guest.screenshot({ path: screenshotPath('groups-6-guest-revoked'), fullPage: true })

  // 8. Narrow screens: the group page becomes tabs, without horizontal scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('tablist', { name: 'Group sections' }).waitFor()
  await page.getByRole('tab', { name: 'Player' }).click()
  await page.getByTestId('video-player').waitFor()
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no horizontal scrolling at 390 px')
  await page.screenshot({ path: screenshotPath('groups-7-mobile-tabs'), fullPage: true })

  assert.deepEqual(pageErrors, [])
  assert.deepEqual(guestErrors, [])
  await guestContext.close()
  await context.close()
})
