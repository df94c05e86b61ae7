// The page tour: every page of the app, at desktop and phone widths, in English and Japanese. Each page is
// checked with axe (zero serious or critical violations), must not scroll sideways, and is saved as
// artifacts/screens/tour-<lang>-<width>-<page>.png for people to look at.
import type { Browser, Page } from '@playwright/test'
import { api, readySample } from '../support/api.ts'
import { admin, viewports, type ViewportName } from '../support/env.ts'
import { checkPage, expect, scrollsSideways, shot, tablesScrollingSideways, test } from '../support/fixtures.ts'
import { signIn, signedInUser } from '../support/session.ts'

type Lang = 'en' | 'ja'

/** Waits until the page shows its heading and has nothing loading, then checks and photographs it. */
async function visit(page: Page, lang: Lang, width: ViewportName, name: string, path: string) {
  const prefix = lang === 'ja' ? '/ja' : ''
  await page.goto(`${prefix}${path}`)
  await settle(page)
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  await checkPage(page, `${name} (${lang}, ${width})`)
  if (width === 'phone') {
    expect(await scrollsSideways(page), `${name} scrolls sideways at ${viewports.phone.width} px`).toBe(false)
    expect(await tablesScrollingSideways(page), `tables of ${name} that scroll sideways at ${viewports.phone.width} px`).toEqual([])
  }
  await shot(page, `tour-${lang}-${width}-${name}`)
}

/** The page's main heading is shown, nothing is busy, and images have loaded. */
async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 })
  await page.evaluate(() => Promise.all([...document.images].map((img) => (img.complete ? null : new Promise((r) => img.addEventListener('load', r, { once: true }))))))
}

async function adminPage(browser: Browser, lang: Lang, width: ViewportName) {
  const context = await browser.newContext({ viewport: viewports[width] })
  const page = await context.newPage()
  await signIn(page, admin, lang)
  return page
}

/** Every page a guest can open: [screenshot name, path]. */
const GUEST_PAGES: [string, string][] = [
  ['01-landing', '/'],
  ['02-login', '/login'],
  ['03-signup', '/signup'],
  ['04-forgot-password', '/forgot-password'],
  ['05-reset-password-no-token', '/reset-password'],
  ['06-verify-email-no-token', '/verify-email'],
  ['07-check-email', '/check-email'],
  ['08-not-found', '/no-such-page'],
]

/** Every page of a signed-in user, with one video in one group. */
function userPages(videoId: string, groupId: string): [string, string][] {
  return [
    ['10-dashboard', '/'],
    ['11-videos', '/videos'],
    ['12-video-detail', `/videos/${videoId}`],
    ['13-groups', '/groups'],
    ['14-group-detail', `/groups/${groupId}`],
    ['15-search', '/search?q=share'],
    ['16-settings-profile', '/settings'],
    ['17-settings-password', '/settings/password'],
    ['18-settings-ai', '/settings/ai'],
    ['19-settings-tokens', '/settings/tokens'],
    ['20-settings-account', '/settings/account'],
  ]
}

for (const lang of ['en', 'ja'] as const) {
  for (const width of ['desktop', 'phone'] as const) {
    test(`page tour: every page in ${lang} at ${width} width`, async ({ page, browser, pageErrors }) => {
      test.setTimeout(360_000)
      await page.setViewportSize(viewports[width])

      for (const [name, path] of GUEST_PAGES) await visit(page, lang, width, name, path)

      // A user with a ready video in a shared group.
      await signedInUser(page, `e2etour${lang}`, lang)
      const sample = await readySample(page, lang === 'ja' ? 'サンプル動画' : undefined)
      const group = await api<{ id: string }>(page, 'POST', '/api/v1/groups', {
        name: lang === 'ja' ? 'ツアー' : 'Tour',
        description: lang === 'ja' ? 'すべてのページを巡ります。' : 'Every page, once.',
      })
      await api(page, 'POST', `/api/v1/groups/${group.id}/videos`, { videoIds: [sample.id] })
      const share = await api<{ url: string }>(page, 'POST', `/api/v1/groups/${group.id}/share`)

      for (const [name, path] of userPages(sample.id, group.id)) await visit(page, lang, width, name, path)

      // The shared view, as a guest.
      const guestContext = await browser.newContext({ viewport: viewports[width] })
      const guest = await guestContext.newPage()
      guest.on('pageerror', (error) => pageErrors.push(`guest: ${String(error)}`))
      const token = new URL(share.url).pathname.split('/').at(-1) ?? ''
      await visit(guest, lang, width, '21-shared-group', `/share/${token}`)
      await visit(guest, lang, width, '22-shared-group-bad-link', '/share/not-a-real-token')
      await guestContext.close()

      // The admin pages.
      const adminTab = await adminPage(browser, lang, width)
      adminTab.on('pageerror', (error) => pageErrors.push(`admin: ${String(error)}`))
      await visit(adminTab, lang, width, '30-admin-users', '/admin')
      await visit(adminTab, lang, width, '31-admin-jobs', '/admin/jobs?status=all')
      await adminTab.context().close()
    })
  }
}
