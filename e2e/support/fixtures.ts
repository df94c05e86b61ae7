// The test fixture every journey uses: page errors fail the journey, `checkPage` runs axe on the page as it is
// now (zero serious or critical violations) and `shot` saves a screenshot under artifacts/screens/.
import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page, type TestInfo } from '@playwright/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { artifacts } from './env.ts'

export { expect }

const BLOCKING = new Set(['serious', 'critical'])
/** E2E_AXE=report records violations (artifacts/axe/) without failing: for surveying a page, never for the gate. */
const reportOnly = process.env.E2E_AXE === 'report'

type AxeViolation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number]

function describe(violations: AxeViolation[]) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`)
    .join('\n')
}

/**
 * Runs axe-core on the page (every rule it has, WCAG 2.x A/AA and best practices) and fails the journey on any
 * serious or critical violation, naming the rule and the elements. `label` names the page in the report.
 */
export async function checkPage(page: Page, label: string, info: TestInfo = base.info()) {
  // Animations and transitions settle first, so colour contrast is measured on the final colours.
  // (Spinners and skeletons loop forever: only finite animations are waited for, and for two seconds at most.)
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  )
  const results = await new AxeBuilder({ page }).analyze()
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''))
  if (results.violations.length > 0) {
    await info.attach(`axe ${label}`, { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' })
  }
  if (reportOnly) {
    if (blocking.length > 0) {
      const dir = path.join(artifacts, 'axe')
      mkdirSync(dir, { recursive: true })
      writeFileSync(path.join(dir, `${safe(info.title)}--${safe(label)}.txt`), `${page.url()}\n${describe(blocking)}\n`)
    }
    return
  }
  expect(blocking, `axe on ${label} (${page.url()}):\n${describe(blocking)}`).toEqual([])
}

function safe(name: string) {
  return name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-|-$/g, '').slice(0, 80)
}

/** Saves a screenshot as artifacts/screens/<name>.png (the page tour's and the journeys' pictures). */
export async function shot(page: Page, name: string, { fullPage = true } = {}) {
  const dir = path.join(artifacts, 'screens')
  mkdirSync(dir, { recursive: true })
  // From the top: a full-page picture of a scrolled page would show the sticky header in the middle.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage })
}

/** True when the page scrolls sideways at its current width (it must not, down to 360 px). */
export async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
}

/**
 * The tables that do not fit their frame at the page's current width (their frame would scroll sideways), by
 * caption. A phone must get none: the page itself not scrolling is not enough when a table scrolls in its box.
 */
export async function tablesScrollingSideways(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.parentElement !== null && table.parentElement.scrollWidth > table.parentElement.clientWidth)
      .map((table) => table.caption?.textContent ?? table.outerHTML.slice(0, 80)),
  )
}

type Fixtures = {
  /** Uncaught errors of every page of the journey's context; the journey fails if there are any. */
  pageErrors: string[]
}

export const test = base.extend<Fixtures>({
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = []
      const watch = (p: Page) => p.on('pageerror', (error) => errors.push(`${p.url()}: ${String(error)}`))
      context.pages().forEach(watch)
      context.on('page', watch)
      await use(errors)
      expect(errors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})
