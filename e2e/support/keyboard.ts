// Keyboard-only helpers: focus moves with Tab (and Shift+Tab) only, never with a click or element.focus().
import { expect, type Locator, type Page } from '@playwright/test'

/** Presses Tab until `target` has focus (at most `maxPresses` times); fails if the keyboard cannot reach it. */
export async function tabTo(page: Page, target: Locator, { maxPresses = 80, backwards = false } = {}) {
  await expect(target).toBeVisible()
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200))
  throw new Error(`${String(target)} was not reached with ${maxPresses} presses of Tab; focus is on ${focused}`)
}

/** Starts keyboard navigation from the top of the document, as after a fresh page load. */
export async function fromTop(page: Page) {
  await page.evaluate(() => {
    ;(document.activeElement as HTMLElement | null)?.blur()
    window.scrollTo(0, 0)
  })
}
