// Asking in the chat panel and following a citation, shared by the answers journeys (mouse and keyboard).
import { expect, type Locator, type Page } from '@playwright/test'

/** Waits until the player has its metadata, then parks the playhead near the end (so a seek back is visible). */
export async function parkPlayerAtEnd(page: Page) {
  const player = page.getByTestId('video-player')
  await expect.poll(() => player.evaluate((el: HTMLVideoElement) => el.readyState >= 1 && el.duration > 0), { timeout: 30_000 }).toBe(true)
  await player.evaluate((el: HTMLVideoElement) => {
    el.pause()
    el.currentTime = el.duration - 0.3
  })
  return player
}

/** The answer has finished streaming (the log is no longer busy). */
export async function answerSettled(page: Page) {
  await expect(page.getByTestId('chat-log')).not.toHaveAttribute('aria-busy', 'true', { timeout: 45_000 })
}

/** After a citation was followed: the player sits inside the cited scene, well before the end. */
export async function expectPlayerMovedBack(player: Locator) {
  await expect
    .poll(() => player.evaluate((el: HTMLVideoElement) => el.currentTime < el.duration - 1), { timeout: 10_000 })
    .toBe(true)
}
