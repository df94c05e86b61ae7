// The whole account journey in a real browser against the real API and Worker: sign up, confirm the email from the
// .eml the server wrote, sign in, see the dashboard, create an API token (secret shown once), sign out.
import { test, after, before } from 'node:test'
import assert from 'node:assert/strict'
import { launch, baseUrl, screenshotPath } from './browser.mjs'
import { findLink, waitForMail } from './mail.mjs'
import { newCredentials, onTestStack } from './session.mjs'

let browser

before(async () => {
  browser = await launch()
})

after(async () => {
  await browser?.close()
})

test('sign up, confirm the email, sign in, create an API token, sign out', async () => {
  const { username, email, password } = newCredentials()

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const consoleErrors = []
  page.on('pageerror', (error) => consoleErrors.push(String(error)))

  // 1. Sign up.
  await page.goto(`${baseUrl}/signup`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor()
  assert.match(await page.getByTestId('check-email-body').textContent(), new RegExp(email.replace('.', '\\.')))
  await page.screenshot({ path: screenshotPath('account-1-check-email') })

  // 2. The verification email (written by the Worker as a .eml file).
  const mail = await waitForMail(email, { predicate: (m) => /verify-email\?token=/.test(m.parts.map((p) => p.text).join('\n')) })
  const verifyUrl = onTestStack(findLink(mail, '/verify-email'))

  // 3. Open the link: the page confirms the address on arrival.
  await page.goto(verifyUrl)
  await page.getByTestId('verify-success').waitFor()
  await page.screenshot({ path: screenshotPath('account-2-email-confirmed') })

  // 4. Sign in (with the username this time).
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
  await page.getByLabel('Email or username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  // 5. The home dashboard.
  await page.getByTestId('dashboard').waitFor()
  await page.getByRole('heading', { level: 1, name: `Welcome back, ${username}` }).waitFor()
  assert.equal(await page.getByTestId('usage-videos').textContent().then((t) => t.trim().startsWith('0')), true)
  await page.screenshot({ path: screenshotPath('account-3-dashboard'), fullPage: true })
  await page.setViewportSize({ width: 360, height: 780 })
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 360, 'no horizontal scrolling at 360 px')
  await page.screenshot({ path: screenshotPath('account-3-dashboard-mobile'), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })

  // 6. Settings → API tokens → create one; the secret is shown once.
  await page.getByRole('button', { name: `Account menu for ${username}` }).click()
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  // Let the short-lived access token "expire": the next API call gets a 401, the app refreshes the session
  // once (POST /auth/refresh) and retries, without the user noticing.
  await context.clearCookies({ name: 'access_token' })
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'))
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'API tokens' }).click()
  assert.equal((await refreshed).status(), 200)
  await page.getByRole('heading', { name: 'No tokens yet' }).waitFor()
  assert.equal(new URL(page.url()).pathname, '/settings/tokens')
  await page.getByRole('button', { name: 'Create token' }).first().click()
  const dialog = page.getByRole('dialog')
  // The modal dialog puts focus in its first field.
  await dialog.getByLabel('Name').waitFor()
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('id')), await dialog.getByLabel('Name').getAttribute('id'))
  await dialog.getByLabel('Name').fill('e2e token')
  await dialog.getByRole('button', { name: 'Create token' }).click()
  const secretField = dialog.getByTestId('token-secret')
  await secretField.waitFor()
  const secret = await secretField.inputValue()
  assert.match(secret, /^avq_/)
  await dialog.getByText('Copy your token now').waitFor()
  await page.screenshot({ path: screenshotPath('account-4-token-secret') })

  // The token really works against the API, as a Bearer token.
  const viaToken = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } })
  assert.equal(viaToken.status, 200)
  assert.equal((await viaToken.json()).username, username)

  await dialog.getByRole('button', { name: 'I have copied it' }).click()
  const item = page.getByTestId('token-item')
  await item.waitFor()
  assert.match(await item.textContent(), /e2e token/)
  assert.equal(await page.getByTestId('token-secret').count(), 0)
  assert.equal((await page.content()).includes(secret), false, 'the secret must not be shown again')
  await page.screenshot({ path: screenshotPath('account-5-tokens'), fullPage: true })

  // 7. Sign out: back to the landing page, and signed-in pages now ask to sign in.
  await page.getByRole('button', { name: `Account menu for ${username}` }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByTestId('landing').waitFor()
  await page.getByText('You are signed out.').waitFor()
  await page.goto(`${baseUrl}/settings/tokens`)
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor()
  assert.equal(new URL(page.url()).pathname, '/login')
  assert.equal(new URL(page.url()).searchParams.get('next'), '/settings/tokens')
  const cookies = await context.cookies()
  assert.equal(cookies.some((c) => c.name === 'access_token' || c.name === 'refresh_token'), false)
  await page.screenshot({ path: screenshotPath('account-6-signed-out') })

  assert.deepEqual(consoleErrors, [])
  await context.close()
})

test('the Japanese sign-in page is in Japanese', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } })
  await page.goto(`${baseUrl}/ja/login`)
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor()

  assert.equal(await page.getAttribute('html', 'lang'), 'ja')
  assert.equal(await page.title(), 'ログイン · AskVideo')
  await page.getByLabel('メールアドレスまたはユーザー名').waitFor()
  await page.getByRole('button', { name: 'ログイン' }).waitFor()
  await page.getByRole('link', { name: 'パスワードをお忘れですか？' }).waitFor()

  // A wrong password is explained in Japanese too.
  await page.getByLabel('メールアドレスまたはユーザー名').fill('nobody-here')
  await page.getByLabel('パスワード', { exact: true }).fill('not the password 123')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await page.getByText('メールアドレス／ユーザー名またはパスワードが正しくありません。').waitFor()
  await page.screenshot({ path: screenshotPath('login-ja-mobile'), fullPage: true })
  await page.close()
})
