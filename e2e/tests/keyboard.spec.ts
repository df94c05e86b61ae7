// Keyboard-only journeys: every step moves focus with Tab and acts with Enter, Space or arrow keys; no mouse and
// no element.focus(). What a journey does not test (a second video, a group) is arranged through the API.
import { statSync } from 'node:fs'
import { api, readySample, type VideoDto } from '../support/api.ts'
import { answerSettled, expectPlayerMovedBack, parkPlayerAtEnd } from '../support/chat.ts'
import { checkPage, expect, test } from '../support/fixtures.ts'
import { fromTop, tabTo } from '../support/keyboard.ts'
import { makeClip } from '../support/media.ts'
import { signedInUser } from '../support/session.ts'

test('keyboard only: upload a video', async ({ page }) => {
  const clip = makeClip('keyboard-clip')
  expect(statSync(clip).size).toBeGreaterThan(0)
  await signedInUser(page, 'e2ekbup')
  await page.goto('/videos')
  await expect(page.getByRole('heading', { level: 1, name: 'Videos' })).toBeVisible()
  await fromTop(page)

  await tabTo(page, page.getByRole('button', { name: /^Upload (a video|videos)$/ }).first())
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Upload videos' })
  await expect(dialog).toBeVisible()
  // Focus starts inside the dialog, on the file picker's button; Enter opens the system file chooser.
  const choose = dialog.getByRole('button', { name: 'Choose files' })
  await tabTo(page, choose)
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(clip)
  await expect(dialog.getByRole('textbox', { name: 'Title for keyboard-clip.mp4' })).toHaveValue('keyboard-clip')
  await checkPage(page, 'upload dialog (keyboard)')

  await tabTo(page, dialog.getByRole('button', { name: 'Upload 1 file' }))
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('upload-done')).toBeVisible({ timeout: 60_000 })
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('video-card').getByRole('link', { name: 'keyboard-clip' })).toBeVisible()
  const list = await api<{ items: VideoDto[] }>(page, 'GET', '/api/v1/videos?q=keyboard-clip')
  expect(list.items).toHaveLength(1)
})

test('keyboard only: reorder a group', async ({ page }) => {
  await signedInUser(page, 'e2ekbgrp')
  const first = await api<VideoDto>(page, 'POST', '/api/v1/videos/sample')
  await api(page, 'PATCH', `/api/v1/videos/${first.id}`, { title: 'First clip' })
  const second = await api<VideoDto>(page, 'POST', '/api/v1/videos/sample')
  await api(page, 'PATCH', `/api/v1/videos/${second.id}`, { title: 'Second clip' })
  const group = await api<{ id: string }>(page, 'POST', '/api/v1/groups', { name: 'Keyboard order' })
  await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [first.id, second.id] })

  await page.goto(`/groups/${group.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard order' })).toBeVisible()
  const titles = page.getByTestId('member-title')
  await expect(titles).toHaveText(['First clip', 'Second clip'])
  await fromTop(page)

  // Tab to the first row's handle; Space picks it up, ArrowDown moves it, Space drops it.
  await tabTo(page, page.getByRole('button', { name: 'Reorder First clip' }))
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/groups/${group.id}/order`) && r.request().method() === 'PUT')
  await page.keyboard.press('Space')
  await page.waitForTimeout(250)
  await page.keyboard.press('ArrowDown')
  await page.waitForTimeout(250)
  await page.keyboard.press('Space')
  expect((await saved).status()).toBe(200)
  await expect(titles).toHaveText(['Second clip', 'First clip'])
  // The move was announced to screen readers, and focus stayed on the handle that moved.
  await expect(page.getByRole('button', { name: 'Reorder First clip' })).toBeFocused()
  await checkPage(page, 'group after a keyboard reorder')

  await page.reload()
  await expect(titles, 'the new order persisted').toHaveText(['Second clip', 'First clip'])
})

test('keyboard only: ask a question and follow a citation', async ({ page }) => {
  test.setTimeout(300_000)
  await signedInUser(page, 'e2ekbask')
  const sample = await readySample(page)
  const group = await api<{ id: string }>(page, 'POST', '/api/v1/groups', { name: 'Ask by keyboard' })
  await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [sample.id] })

  await page.goto(`/groups/${group.id}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Ask by keyboard' })).toBeVisible()
  const player = await parkPlayerAtEnd(page)
  await fromTop(page)

  // Tab to the question box, type, Enter sends.
  const panel = page.getByTestId('chat-panel')
  await tabTo(page, panel.getByRole('textbox', { name: 'Your question' }), { maxPresses: 120 })
  await page.keyboard.type('How do I share a group?')
  await page.keyboard.press('Enter')
  const chip = panel.getByTestId('citation-chip').first()
  await expect(chip).toBeVisible({ timeout: 45_000 })
  await answerSettled(page)
  await checkPage(page, 'answer with citations (keyboard)')

  // Shift+Tab back from the question box to the answer's first citation, Enter plays the cited moment.
  await tabTo(page, chip, { backwards: true, maxPresses: 40 })
  await page.keyboard.press('Enter')
  await expectPlayerMovedBack(player)
})
