// The answers journey in a real browser against the real API and Worker (no language model on this stack, so the
// extractive answerer streams the best scenes with citations): the owner asks a group a question, the answer streams
// in, a citation chip seeks the player into the cited range; then a guest with the share link does the same.
import type { Page } from '@playwright/test'
import { api, readySample } from '../support/api.ts'
import { answerSettled, expectPlayerMovedBack, parkPlayerAtEnd } from '../support/chat.ts'
import { checkPage, expect, shot, test } from '../support/fixtures.ts'
import { signedInUser } from '../support/session.ts'

/** Asks in the chat panel, waits for the streamed answer, clicks its first citation and checks the player moved there. */
async function askAndFollowCitation(page: Page, question: string) {
  const panel = page.getByTestId('chat-panel')
  await panel.getByTestId('chat-input').fill(question)
  await panel.getByTestId('chat-send').click()
  const chip = panel.getByTestId('citation-chip').first()
  await expect(chip).toBeVisible({ timeout: 45_000 })
  await answerSettled(page)
  await expect(panel.getByTestId('chat-answer').last()).toContainText('passages that best match')
  const player = await parkPlayerAtEnd(page)
  const label = (await chip.textContent()) ?? ''
  await chip.click()
  // The chip names the moment ("[1] Title 0:12"): the player must land in the cited scene, well before the end.
  await expectPlayerMovedBack(player)
  return label
}

test('answers: the owner and a guest ask, the answer streams in with citations, a citation seeks the player', async ({ page, browser, pageErrors }) => {
  test.setTimeout(300_000)
  await page.setViewportSize({ width: 1280, height: 1000 })
  await signedInUser(page, 'e2echat')

  const sample = await readySample(page)
  const group = await api<{ id: string }>(page, 'POST', '/api/v1/groups', { name: 'Ask me', description: 'The sample, to ask about.' })
  await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [sample.id] })

  // The owner, on the group page.
  await page.goto(`/groups/${group.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Ask me' })).toBeVisible()
  await checkPage(page, 'group page')
  const label = await askAndFollowCitation(page, 'How do I share videos?')
  expect(label).toMatch(/\[1\]/)
  await checkPage(page, 'group page with an answer')
  await shot(page, 'chat-1-owner')

  // The history tab lists the question.
  await page.getByRole('tab', { name: 'History' }).click()
  await expect(page.getByText('How do I share videos?').filter({ visible: true }).first()).toBeVisible()
  await checkPage(page, 'chat history')

  // A guest with the share link, in a fresh browser.
  const share = await api<{ url: string }>(page, 'POST', `/api/v1/groups/${group.id}/share`)
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } })
  const guest = await guestContext.newPage()
  guest.on('pageerror', (error) => pageErrors.push(`guest: ${String(error)}`))
  await guest.goto(new URL(share.url).pathname)
  await expect(guest.getByRole('heading', { level: 1, name: 'Ask me' })).toBeVisible()
  await askAndFollowCitation(guest, 'What does an answer cite?')
  await checkPage(guest, 'shared group with an answer')
  await shot(guest, 'chat-2-guest')

  const logs = await api<{ items: { origin: string }[] }>(page, 'GET', `/api/v1/groups/${group.id}/chat/logs`)
  expect(logs.items.map((l) => l.origin).sort()).toEqual(['owner', 'share'])
  await guestContext.close()
})
