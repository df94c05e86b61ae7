// Where the stack under test is and who its administrator is (set by ./scripts/test.sh).
import { mkdirSync } from 'node:fs'
import path from 'node:path'

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181'
export const artifacts = path.resolve(import.meta.dirname, '..', process.env.E2E_ARTIFACTS ?? 'artifacts')
mkdirSync(artifacts, { recursive: true })

export const admin = {
  username: process.env.E2E_ADMIN_USERNAME ?? '',
  password: process.env.E2E_ADMIN_PASSWORD ?? '',
}

/** Desktop and phone viewports used by the screenshots and the phone-width pass. */
export const viewports = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 390, height: 844 },
} as const
export type ViewportName = keyof typeof viewports
