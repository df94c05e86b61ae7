// Direct API calls with the page's cookies and the CSRF header, as the app makes them, for arranging what a
// journey needs but does not test (a second video, a group to ask).
import { expect, type Page } from '@playwright/test'
import { baseUrl } from './env.ts'

export async function api<T = unknown>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'csrf_token')?.value
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrf ?? '', Accept: 'application/json' },
    data,
  })
  expect(response.ok(), `${method} ${path}: HTTP ${response.status()} ${await response.text()}`).toBe(true)
  return (response.status() === 204 ? undefined : await response.json()) as T
}

export type VideoDto = { id: string; title: string; status: string; error?: unknown }

/** Polls the video until it is ready (fails the journey if it fails). */
export async function waitUntilReady(page: Page, id: string, timeoutMs = 120_000) {
  await expect
    .poll(
      async () => {
        const video = await api<VideoDto>(page, 'GET', `/api/v1/videos/${id}`)
        expect(video.status, `the video failed: ${JSON.stringify(video.error)}`).not.toBe('failed')
        return video.status
      },
      { timeout: timeoutMs, intervals: [250, 500, 1000] },
    )
    .toBe('ready')
}

/** Adds the built-in sample (English) and waits until it is ready. */
export async function readySample(page: Page, title?: string) {
  const sample = await api<VideoDto>(page, 'POST', '/api/v1/videos/sample')
  if (title) await api(page, 'PATCH', `/api/v1/videos/${sample.id}`, { title })
  await waitUntilReady(page, sample.id)
  return sample
}
