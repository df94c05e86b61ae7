// Password reset by email: "Forgot your password?" on the sign-in page, the link from the .eml the server wrote,
// a new password, and then only the new one signs in; the link works once; a device that was signed in is
// signed out by the change.
import { checkPage, expect, test } from '../support/fixtures.ts'
import { findLink, waitForMail } from '../support/mail.ts'
import { onTestStack, signIn, signedInUser } from '../support/session.ts'

test('password reset by email: the link sets a new password once, and only the new password signs in', async ({ page, browser }) => {
  // A verified user, signed in on another device too.
  const otherDevice = await browser.newContext()
  const other = await otherDevice.newPage()
  const credentials = await signedInUser(other, 'e2ereset')

  // 1. Forgot password, from the sign-in page.
  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible()
  await checkPage(page, 'forgot password')
  const requestedAt = Date.now()
  await page.getByLabel('Email address').fill(credentials.email)
  await page.getByRole('button', { name: 'Send the reset link' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible()
  await expect(page.getByText(`If ${credentials.email} has an account, a link to reset the password is on its way.`)).toBeVisible()
  await checkPage(page, 'reset link sent')

  // 2. The email (written by the Worker as a .eml file) carries a one-time link.
  const mail = await waitForMail(credentials.email, {
    predicate: (m) => /reset-password\?token=/.test(m.parts.map((p) => p.text).join('\n')),
  })
  expect(Date.now() - requestedAt).toBeLessThan(45_000)
  const link = onTestStack(findLink(mail, '/reset-password'))

  // 3. A new password through the link.
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible()
  await checkPage(page, 'choose a new password')
  const newPassword = `${credentials.password}-new`
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Password changed' })).toBeVisible()
  await checkPage(page, 'password changed')

  // 4. The old password no longer signs in; the new one does.
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
  await page.getByLabel('Email or username').fill(credentials.username)
  await page.getByLabel('Password', { exact: true }).fill(credentials.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.getByText('The email/username or password is incorrect.')).toBeVisible()
  await signIn(page, { username: credentials.username, password: newPassword })

  // 5. The link works once.
  const again = await browser.newContext()
  const second = await again.newPage()
  await second.goto(link)
  await second.getByLabel('New password', { exact: true }).fill(`${credentials.password}-again`)
  await second.getByRole('button', { name: 'Change password' }).click()
  await expect(second.getByText('This reset link is invalid, already used or expired.')).toBeVisible()
  await checkPage(second, 'used reset link')
  await again.close()

  // 6. The other device was signed out by the change: its next signed-in page asks to sign in.
  await other.goto('/settings')
  await expect(other.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  await otherDevice.close()
})
