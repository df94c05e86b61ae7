// Shared steps for tests that need a signed-in user: fresh credentials, sign-up through the UI, the verification
// link from the .eml the server wrote, and sign-in.
import { randomBytes } from 'node:crypto'
import { baseUrl } from './browser.mjs'
import { findLink, waitForMail } from './mail.mjs'

/** Keeps the origin of the test stack but the path and query of an emailed link. */
export function onTestStack(url) {
  const local = new URL(baseUrl)
  local.pathname = url.pathname
  local.search = url.search
  return local.href
}

/** A unique username, email and a password that passes the policy. */
export function newCredentials(prefix = 'e2e') {
  const stamp = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`
  const username = `${prefix}_${stamp}`
  return { username, email: `${username}@example.com`, password: `Blue-kettle-${randomBytes(4).toString('hex')}-42` }
}

/** Fills in and sends the sign-up form; ends on "Check your email". */
export async function signUp(page, { email, username, password }) {
  await page.goto(`${baseUrl}/signup`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor()
}

/** Opens the verification link from the email; ends on the confirmation page. */
export async function verifyEmail(page, email) {
  const mail = await waitForMail(email, { predicate: (m) => /verify-email\?token=/.test(m.parts.map((p) => p.text).join('\n')) })
  await page.goto(onTestStack(findLink(mail, '/verify-email')))
  await page.getByTestId('verify-success').waitFor()
}

/** Signs in from the sign-in page; ends on the dashboard. */
export async function signIn(page, { username, password }) {
  if (new URL(page.url()).pathname !== '/login') await page.goto(`${baseUrl}/login`)
  await page.getByLabel('Email or username').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('dashboard').waitFor()
}

/** A new, verified, signed-in user in `page`. Returns the credentials. */
export async function signedInUser(page, prefix) {
  const credentials = newCredentials(prefix)
  await signUp(page, credentials)
  await verifyEmail(page, credentials.email)
  await signIn(page, credentials)
  return credentials
}
