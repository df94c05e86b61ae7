// Shared steps for journeys that need a signed-in user: fresh credentials, sign-up through the UI, the verification
// link from the .eml the server wrote, and sign-in. Selectors are roles and labels, so the forms can change inside.
import { randomBytes } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { baseUrl } from './env.ts'
import { findLink, waitForMail } from './mail.ts'

export type Credentials = { username: string; email: string; password: string }

/** Keeps the origin of the test stack but the path and query of an emailed link. */
export function onTestStack(url: URL) {
  const local = new URL(baseUrl)
  local.pathname = url.pathname
  local.search = url.search
  return local.href
}

/** A unique username, email and a password that passes the policy. */
export function newCredentials(prefix = 'e2e'): Credentials {
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  const username = `${prefix}_${stamp}`
  return { username, email: `${username}@example.com`, password: `Blue-kettle-${randomBytes(4).toString('hex')}-42` }
}

/** Fills in and sends the sign-up form; ends on "Check your email". */
export async function signUp(page: Page, { email, username, password }: Credentials) {
  await page.goto('/signup')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
}

/** The verification link from the email, on the test stack. */
export async function verificationLink(email: string) {
  const mail = await waitForMail(email, { predicate: (m) => /verify-email\?token=/.test(m.parts.map((p) => p.text).join('\n')) })
  return onTestStack(findLink(mail, '/verify-email'))
}

/** Opens the verification link from the email; ends on the confirmation page. */
export async function verifyEmail(page: Page, email: string) {
  await page.goto(await verificationLink(email))
  await expect(page.getByTestId('verify-success')).toBeVisible()
}

/** Signs in from the sign-in page (of the current language); ends on the dashboard. */
export async function signIn(page: Page, { username, password }: Pick<Credentials, 'username' | 'password'>, lang: 'en' | 'ja' = 'en') {
  const loginPath = lang === 'ja' ? '/ja/login' : '/login'
  if (new URL(page.url(), baseUrl).pathname !== loginPath) await page.goto(loginPath)
  const labels = lang === 'ja' ? { id: 'メールアドレスまたはユーザー名', password: 'パスワード', submit: 'ログイン' } : { id: 'Email or username', password: 'Password', submit: 'Sign in' }
  await page.getByLabel(labels.id).fill(username)
  await page.getByLabel(labels.password, { exact: true }).fill(password)
  await page.getByRole('button', { name: labels.submit, exact: true }).click()
  await expect(page.getByTestId('dashboard')).toBeVisible()
}

/** A new, verified, signed-in user in `page`. Returns the credentials. */
export async function signedInUser(page: Page, prefix?: string, lang: 'en' | 'ja' = 'en') {
  const credentials = newCredentials(prefix)
  await signUp(page, credentials)
  await verifyEmail(page, credentials.email)
  await signIn(page, credentials, lang)
  return credentials
}
