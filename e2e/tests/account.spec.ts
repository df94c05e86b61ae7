// The account journey in a real browser against the real API and Worker: sign up, confirm the email from the
// .eml the server wrote, sign in, see the dashboard, create an API token (secret shown once), sign out.
import { checkPage, expect, scrollsSideways, shot, test } from '../support/fixtures.ts'
import { baseUrl } from '../support/env.ts'
import { newCredentials, verificationLink } from '../support/session.ts'

test('sign up, confirm the email, sign in, create an API token, sign out', async ({ page, context }) => {
  const { username, email, password } = newCredentials()

  // 1. Sign up.
  await page.goto('/signup')
  await checkPage(page, 'sign up')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  await expect(page.getByTestId('check-email-body')).toContainText(email)
  await checkPage(page, 'check your email')

  // 2. The verification email (written by the Worker as a .eml file); 3. the link confirms the address on arrival.
  await page.goto(await verificationLink(email))
  await expect(page.getByTestId('verify-success')).toBeVisible()
  await checkPage(page, 'email confirmed')

  // 4. Sign in (with the username this time).
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
  await checkPage(page, 'sign in')
  await page.getByLabel('Email or username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()

  // 5. The home dashboard.
  await expect(page.getByTestId('dashboard')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: `Welcome back, ${username}` })).toBeVisible()
  await expect(page.getByTestId('usage-videos')).toHaveText(/^\s*0/)
  await checkPage(page, 'dashboard')
  await page.setViewportSize({ width: 360, height: 780 })
  expect(await scrollsSideways(page), 'no horizontal scrolling at 360 px').toBe(false)
  await page.setViewportSize({ width: 1280, height: 900 })

  // 6. Settings → API tokens → create one; the secret is shown once.
  await page.getByRole('button', { name: `Account menu for ${username}` }).click()
  await page.getByRole('menuitem', { name: 'Settings' }).or(page.getByRole('link', { name: 'Settings' })).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  // Let the short-lived access token "expire": the next API call gets a 401, the app refreshes the session
  // once (POST /auth/refresh) and retries, without the user noticing.
  await context.clearCookies({ name: 'access_token' })
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'))
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'API tokens' }).click()
  expect((await refreshed).status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'No tokens yet' })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/settings/tokens')
  await page.getByRole('button', { name: 'Create token' }).first().click()
  const dialog = page.getByRole('dialog')
  // The modal dialog puts focus in its first field.
  await expect(dialog.getByLabel('Name')).toBeFocused()
  await checkPage(page, 'create token dialog')
  await dialog.getByLabel('Name').fill('e2e token')
  await dialog.getByRole('button', { name: 'Create token' }).click()
  const secretField = dialog.getByTestId('token-secret')
  await expect(secretField).toHaveValue(/^avq_/)
  const secret = await secretField.inputValue()
  await expect(dialog.getByText('Copy your token now')).toBeVisible()
  await checkPage(page, 'token secret')

  // The token really works against the API, as a Bearer token.
  const viaToken = await fetch(`${baseUrl}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } })
  expect(viaToken.status).toBe(200)
  expect(((await viaToken.json()) as { username: string }).username).toBe(username)

  await dialog.getByRole('button', { name: 'I have copied it' }).click()
  await expect(page.getByTestId('token-item')).toContainText('e2e token')
  await expect(page.getByTestId('token-secret')).toHaveCount(0)
  expect((await page.content()).includes(secret), 'the secret must not be shown again').toBe(false)
  await checkPage(page, 'tokens')

  // 7. Sign out: back to the landing page, and signed-in pages now ask to sign in.
  await page.getByRole('button', { name: `Account menu for ${username}` }).click()
  await page.getByRole('menuitem', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' })).first().click()
  await expect(page.getByTestId('landing')).toBeVisible()
  await expect(page.getByText('You are signed out.', { exact: true })).toBeVisible()
  await page.goto('/settings/tokens')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  expect(new URL(page.url()).pathname).toBe('/login')
  expect(new URL(page.url()).searchParams.get('next')).toBe('/settings/tokens')
  const cookies = await context.cookies()
  expect(cookies.some((c) => c.name === 'access_token' || c.name === 'refresh_token')).toBe(false)
})

test('the Japanese sign-in page is in Japanese', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 })
  await page.goto('/ja/login')
  await expect(page.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await expect(page).toHaveTitle('ログイン · AskVideo')
  await expect(page.getByLabel('メールアドレスまたはユーザー名')).toBeVisible()
  await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'パスワードをお忘れですか？' })).toBeVisible()
  await checkPage(page, 'sign in ja')

  // A wrong password is explained in Japanese too.
  await page.getByLabel('メールアドレスまたはユーザー名').fill('nobody-here')
  await page.getByLabel('パスワード', { exact: true }).fill('not the password 123')
  await page.getByRole('button', { name: 'ログイン', exact: true }).click()
  await expect(page.getByText('メールアドレス／ユーザー名またはパスワードが正しくありません。')).toBeVisible()
  await checkPage(page, 'sign in ja, wrong password')
  await shot(page, 'login-ja-phone-error')
})
