// Shared browser setup: Debian's Chromium (never a downloaded browser), headless, with the flags this
// sandboxed, offline machine needs.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181'
export const artifacts = process.env.E2E_ARTIFACTS ?? path.resolve('artifacts')
mkdirSync(artifacts, { recursive: true })

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export function screenshotPath(name) {
  return path.join(artifacts, `${name}.png`)
}
