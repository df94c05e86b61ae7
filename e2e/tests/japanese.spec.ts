// The Japanese videos flow, with the UI in Japanese from sign-in on: upload a clip with Japanese subtitles, watch
// it become ready, ask it a question in Japanese and follow the answer's citation into the player.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { api, type VideoDto } from '../support/api.ts'
import { answerSettled, expectPlayerMovedBack, parkPlayerAtEnd } from '../support/chat.ts'
import { artifacts } from '../support/env.ts'
import { checkPage, expect, shot, test } from '../support/fixtures.ts'
import { makeClip } from '../support/media.ts'
import { signedInUser } from '../support/session.ts'

const SUBTITLES = `WEBVTT

00:00:00.000 --> 00:00:02.000
動画をアップロードすると、字幕から文字起こしが作られます。

00:00:02.000 --> 00:00:04.000
グループを作成して、動画を好きな順番に並べられます。

00:00:04.000 --> 00:00:06.000
共有リンクを作成すると、ログインしていない人もグループを見られます。

00:00:06.000 --> 00:00:08.000
質問への回答には、根拠となる場面の引用が付きます。
`

test('Japanese: upload a clip with Japanese subtitles, processed, ask in Japanese, follow the citation', async ({ page }) => {
  test.setTimeout(300_000)
  const clip = makeClip('japanese-clip', 8)
  const vtt = path.join(artifacts, 'media', 'japanese-clip.vtt')
  writeFileSync(vtt, SUBTITLES)
  await signedInUser(page, 'e2eja')
  // The header's language switcher (which also saves the choice to the account, so later sign-ins stay in Japanese).
  await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: '日本語' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')

  // 1. Upload from the Japanese library page.
  await page.getByRole('navigation', { name: 'メイン' }).getByRole('link', { name: '動画' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '動画' })).toBeVisible()
  await page.getByRole('button', { name: '動画をアップロード' }).first().click()
  const dialog = page.getByRole('dialog', { name: '動画をアップロード' })
  await dialog.getByTestId('upload-input').setInputFiles(clip)
  await dialog.getByRole('textbox', { name: /japanese-clip\.mp4/ }).fill('日本語のクリップ')
  await dialog.getByLabel('話されている言語').selectOption('ja')
  await dialog.getByLabel(/字幕（\.srt または \.vtt）/).setInputFiles(vtt)
  await checkPage(page, 'upload dialog (ja)')
  await shot(page, 'ja-1-upload-dialog', { fullPage: false })
  await dialog.getByRole('button', { name: '1 個のファイルをアップロード' }).click()
  await expect(dialog.getByTestId('upload-done')).toBeVisible({ timeout: 60_000 })
  await dialog.getByRole('button', { name: '完了' }).click()
  await expect(dialog).toBeHidden()

  // 2. The video page follows processing live until the video is ready, with the Japanese transcript.
  await page.getByTestId('video-card').getByRole('link', { name: '日本語のクリップ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '日本語のクリップ' })).toBeVisible()
  await expect(page.getByTestId('status-panel').getByTestId('video-status')).toHaveAttribute('data-status', 'ready', { timeout: 120_000 })
  const transcript = page.getByTestId('transcript-panel')
  await expect(transcript.getByText('共有リンクを作成すると、ログインしていない人もグループを見られます。')).toBeVisible({ timeout: 30_000 })
  const video = (await api<{ items: VideoDto[] & { language?: string }[] }>(page, 'GET', '/api/v1/videos?q=%E6%97%A5%E6%9C%AC%E8%AA%9E')).items[0]
  expect(video).toBeTruthy()
  await checkPage(page, 'video page, ready (ja)')
  await shot(page, 'ja-2-video-ready')

  // 3. Ask in Japanese on the video's page; the answer cites a moment, and the citation seeks the player.
  const player = await parkPlayerAtEnd(page)
  const panel = page.getByTestId('chat-panel')
  await panel.getByRole('textbox', { name: '質問' }).fill('共有リンクを作るとどうなりますか？')
  await panel.getByRole('button', { name: '送信' }).click()
  const chip = panel.getByTestId('citation-chip').first()
  await expect(chip).toBeVisible({ timeout: 45_000 })
  await answerSettled(page)
  await expect(chip).toContainText('日本語のクリップ')
  await checkPage(page, 'answer in Japanese')
  await shot(page, 'ja-3-answer')
  await chip.click()
  await expectPlayerMovedBack(player)
})
