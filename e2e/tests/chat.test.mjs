// The answers journey in a real browser against the real API and Worker (no language model on this stack, so the
// extractive answerer streams the best scenes with citations): the owner asks a group a question, the answer streams
// in, a citation chip seeks the player into the cited range; then a guest with the share link does the same.
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

async function api(page, method, path, data) {
  const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'csrf_token')?.value
  const response = await page.request.fetch(`${baseUrl}${path}`, { method, headers: { 'X-CSRF-Token': csrf ?? '', Accept: 'application/json' }, data })
  assert.ok(response.ok(), `${method} ${path}: HTTP ${response.status()} ${await response.text()}`)
  return response.status() === 204 ? undefined : response.json()
}

async function waitUntilReady(page, id) {
  for (let i = 0; i < 450; i++) {
    const video = await api(page, 'GET', `/api/v1/videos/${id}`)
    if (video.status === 'ready') return
    assert.notEqual(video.status, 'failed', `the sample failed: ${JSON.stringify(video.error)}`)
    await page.waitForTimeout(200)
  }
  assert.fail('the sample did not become ready in 90 s')
}

/** Asks in the chat panel, waits for the streamed answer, clicks its first citation and checks the player moved there. */
async function askAndFollowCitation(page, question) {
  const panel = page.getByTestId('chat-panel')
  await panel.getByTestId('chat-input').fill(question)
  await panel.getByTestId('chat-send').click()
  const chip = panel.getByTestId('citation-chip').first()
  await chip.waitFor({ timeout: 30_000 })
  await page.waitForFunction(() => document.querySelector('[data-testid="chat-log"]')?.getAttribute('aria-busy') !== 'true', undefined, { timeout: 30_000 })
  assert.match(await panel.getByTestId('chat-answer').last().textContent(), /passages that best match/)
  const player = page.getByTestId('video-player')
  await page.waitForFunction(() => {
    const video = document.querySelector('video')
    return video !== null && video.readyState >= 1
  }, undefined, { timeout: 30_000 })
  await player.evaluate((el) => {
    el.pause()
    el.currentTime = el.duration - 0.3
  })
  const label = await chip.textContent()
  await chip.click()
  // The chip names the moment ("[1] Title 0:12"): the player must land in the cited scene, well before the end.
  await page.waitForFunction(() => {
    const video = document.querySelector('video')
    return video !== null && video.currentTime < video.duration - 1
  }, undefined, { timeout: 10_000 })
  return label
}

test('answers: the owner and a guest ask, the answer streams in with citations, a citation seeks the player', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  await signedInUser(page, 'e2echat')

  const sample = await api(page, 'POST', '/api/v1/videos/sample')
  await waitUntilReady(page, sample.id)
  const group = await api(page, 'POST', '/api/v1/groups', { name: 'Ask me', description: 'The sample, to ask about.' })
  await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [sample.id] })

  // The owner, on the group page.
  await page.goto(`${baseUrl}/groups/${group.id}`)
  await page.getByRole('heading', { level: 1, name: 'Ask me' }).waitFor()
  const label = await askAndFollowCitation(page, 'How do I share videos?')
  assert.match(label, /\[1\]/)
  await page.screenshot({ path: screenshotPath('chat-1-owner'), fullPage: true })

  // The history tab lists the question.
  await page.getByRole('tab', { name: 'History' }).click()
  await page.getByText('How do I share videos?').filter({ visible: true }).first().waitFor()

  // A guest with the share link, in a fresh browser.
  const share = await api(page, 'POST', `/api/v1/groups/${group.id}/share`)
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const guest = await guestContext.newPage()
  guest.on('pageerror', (error) => pageErrors.push(String(error)))
  await guest.goto(`${baseUrl}${new URL(share.url).pathname}`)
  await guest.getByRole('heading', { level: 1, name: 'Ask me' }).waitFor()
  await askAndFollowCitation(guest, 'What does an answer cite?')
  await guest.screenshot({ path: screenshotPath('chat-2-guest'), fullPage: true })

  const logs = await api(page, 'GET', `/api/v1/groups/${group.id}/chat/logs`)
  assert.deepEqual(logs.items.map((l) => l.origin).sort(), ['owner', 'share'])
  assert.deepEqual(pageErrors, [])
  await guestContext.close()
  await context.close()
})
