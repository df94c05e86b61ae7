// The administrator, signed in through the API in a context of its own, for arranging what a journey needs
// (a user's limits). Journeys that test the admin pages sign in through the UI instead.
import { expect, request as playwrightRequest } from '@playwright/test'
import { admin, baseUrl } from './env.ts'

export type Limits = { videoLimit?: number | null; maxUploadBytes?: number | null }

/** Sets a user's video limit and per-file upload limit as the admin would on Admin → Users → Limits. */
export async function setUserLimits(username: string, limits: Limits) {
  const context = await playwrightRequest.newContext({ baseURL: baseUrl })
  try {
    const signIn = await context.post('/api/v1/auth/login', { data: { login: admin.username, password: admin.password } })
    expect(signIn.ok(), `admin sign-in: HTTP ${signIn.status()} ${await signIn.text()}`).toBe(true)
    const csrf = (await context.storageState()).cookies.find((c) => c.name === 'csrf_token')?.value ?? ''
    const users = await context.get(`/api/v1/admin/users?q=${encodeURIComponent(username)}`)
    const user = ((await users.json()) as { items: { id: string; username: string }[] }).items.find((u) => u.username === username)
    expect(user, `the admin finds ${username}`).toBeTruthy()
    const patch = await context.patch(`/api/v1/admin/users/${user!.id}`, { data: limits, headers: { 'X-CSRF-Token': csrf } })
    expect(patch.ok(), `PATCH limits: HTTP ${patch.status()} ${await patch.text()}`).toBe(true)
  } finally {
    await context.dispose()
  }
}
