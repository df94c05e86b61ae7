import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { launch, baseUrl, screenshotPath } from './browser.mjs'

let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

test('landing page renders with live data from the API', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  const config = await (await fetch(`${baseUrl}/api/v1/config/frontend`)).json()

  await page.goto(`${baseUrl}/`)
  await page.getByTestId('landing').waitFor()
  const version = await page.getByTestId('app-version').textContent()
  const providers = await page.getByTestId('providers').textContent()

  assert.match(version ?? '', new RegExp(`v${config.version.replaceAll('.', '\\.')}`))
  assert.match(providers ?? '', new RegExp(config.providers.chat))
  assert.match(providers ?? '', new RegExp(config.providers.embeddings))
  await page.screenshot({ path: screenshotPath('landing-en'), fullPage: true })
  await page.close()
})

test('the Japanese landing page is served under /ja/', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
  await page.goto(`${baseUrl}/ja/`)
  await page.getByTestId('landing').waitFor()

  assert.equal(await page.getAttribute('html', 'lang'), 'ja')
  await page.screenshot({ path: screenshotPath('landing-ja-mobile'), fullPage: true })
  await page.close()
})
