import axe from 'axe-core'
import { expect } from 'vitest'

/*
 * jsdom lays nothing out, so axe can't compute colour contrast (or anything else that needs geometry); the browser
 * e2e runs those checks on the real pages. Everything else runs here.
 */
const options: axe.RunOptions = {
  rules: {
    'color-contrast': { enabled: false },
    'color-contrast-enhanced': { enabled: false },
  },
  resultTypes: ['violations'],
}

function describeViolations(violations: axe.Result[]) {
  return violations
    .map((v) => `${v.impact ?? 'unknown'}: ${v.id} — ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}  ${n.html}`).join('\n')}`)
    .join('\n')
}

/**
 * Runs axe on `container` (by default the whole body, so portalled dialogs, menus and toasts count; the document's
 * title and language are the browser e2e's to check) and fails on serious or critical violations, listing them.
 */
export async function expectNoAxeViolations(container: Element = document.body) {
  const results = await axe.run(container, options)
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(severe, describeViolations(severe)).toEqual([])
}
