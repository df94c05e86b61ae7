// The landing page, in English and Japanese, with live data from the API.
import { checkPage, expect, shot, test } from '../support/fixtures.ts'

test('landing page renders with live data from the API', async ({ page, request }) => {
  const config = (await (await request.get('/api/v1/config/frontend')).json()) as { version: string; providers: { chat: string; embeddings: string } }

  await page.goto('/')
  await expect(page.getByTestId('landing')).toBeVisible()
  await expect(page.getByTestId('app-version')).toContainText(`v${config.version}`)
  await expect(page.getByTestId('providers')).toContainText(config.providers.chat)
  await expect(page.getByTestId('providers')).toContainText(config.providers.embeddings)
  await checkPage(page, 'landing')
})

test('the Japanese landing page is served under /ja/', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/ja/')
  await expect(page.getByTestId('landing')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await checkPage(page, 'landing ja phone')
  await shot(page, 'landing-ja-phone')
})
