import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_STORAGE_KEY } from '../../i18n/language'
import { jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'
import { expectNoAxeViolations } from '../../test/axe'

const models = { provider: 'openai', source: 'server', defaultModel: 'gpt-4o-mini', defaultTemperature: 0.2, models: ['gpt-4o-mini', 'gpt-4.1'] }

describe('settings', () => {
  it('changing the preferred language saves it and switches the UI to /ja/', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'PATCH /api/v1/me': () => jsonResponse(me({ preferences: { preferredLanguage: 'ja', llmModel: null, llmTemperature: null } })),
    })
    const { user, router } = renderApp('/settings')

    const language = await screen.findByLabelText('Preferred language')
    await expectNoAxeViolations()
    await user.selectOptions(language, 'ja')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByRole('heading', { level: 1, name: '設定' })).toBeInTheDocument()
    expect(router.state.location.pathname).toBe('/ja/settings')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ja')
    expect(await screen.findByText('プロフィールを保存しました。画面を日本語に切り替えました。')).toBeInTheDocument()
    const [patch] = requestsTo(fetch, 'PATCH /api/v1/me')
    expect(await patch?.json()).toEqual({ preferredLanguage: 'ja' })
  })

  it('a rejected OpenAI key (422) is a field error, never a sign-out', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/me/models': models,
      'PUT /api/v1/me/openai-key': () =>
        problemResponse({ title: 'Unprocessable', status: 422, code: 'invalid_openai_key', detail: 'rejected' }),
    })
    const { user, router } = renderApp('/settings/ai')

    await user.type(await screen.findByLabelText('API key'), 'sk-wrong-key-123')
    await user.click(screen.getByRole('button', { name: 'Save key' }))

    const input = screen.getByLabelText('API key')
    expect(await screen.findByText('The AI provider rejected this API key. Check it and paste it again.')).toBeInTheDocument()
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(router.state.location.pathname).toBe('/settings/ai')
    expect(requestsTo(fetch, 'POST /api/v1/auth/refresh')).toHaveLength(0)
  })

  it('saves a key and shows …last4 with a verified badge', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/me/models': models,
      'PUT /api/v1/me/openai-key': () => jsonResponse({ configured: true, last4: 'wxyz', verified: true }),
    })
    const { user } = renderApp('/settings/ai')

    await user.type(await screen.findByLabelText('API key'), 'sk-good-key-wxyz')
    await user.click(screen.getByRole('button', { name: 'Save key' }))

    const status = await screen.findByTestId('openai-key-status')
    expect(status).toHaveTextContent('…wxyz')
    expect(status).toHaveTextContent('Verified')
    expect(screen.getByLabelText('Replace with a new key')).toHaveValue('')
  })

  it('offers the server default or a listed model, and sends only what changed', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/me/models': models,
      'PATCH /api/v1/me': () => jsonResponse(me({ preferences: { preferredLanguage: 'en', llmModel: 'gpt-4.1', llmTemperature: null } })),
    })
    const { user } = renderApp('/settings/ai')

    const select = await screen.findByLabelText('Chat model')
    expect(await within(select).findByRole('option', { name: 'Server default (gpt-4o-mini)' })).toHaveValue('')
    expect(screen.getByTestId('model-source')).toHaveTextContent('AI provider: openai. Using the server’s key.')
    expect(screen.getByRole('slider', { name: 'Temperature' })).toHaveAttribute('aria-valuetext', 'Server default')

    await user.selectOptions(select, 'gpt-4.1')
    await user.click(within(screen.getByTestId('model-card')).getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText('Your answer settings were saved.')).toBeInTheDocument()
    expect(await requestsTo(fetch, 'PATCH /api/v1/me')[0]?.json()).toEqual({ llmModel: 'gpt-4.1' })
  })

  it('returns the temperature to the server default by sending null', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me({ preferences: { preferredLanguage: 'en', llmModel: null, llmTemperature: 1.3 } }),
      'GET /api/v1/me/models': models,
      'PATCH /api/v1/me': () => jsonResponse(me({ preferences: { preferredLanguage: 'en', llmModel: null, llmTemperature: null } })),
    })
    const { user } = renderApp('/settings/ai')

    await user.click(await screen.findByTestId('temperature-reset'))
    expect(screen.getByTestId('temperature-value')).toHaveTextContent('Server default (0.2)')
    await user.click(within(screen.getByTestId('model-card')).getByRole('button', { name: 'Save changes' }))

    expect(await requestsTo(fetch, 'PATCH /api/v1/me')[0]?.json()).toEqual({ llmTemperature: null })
  })

  it('changes the password and can revoke the API tokens too', async () => {
    withSessionCookie()
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'POST /api/v1/me/password': () => new Response(null, { status: 204 }) })
    const { user } = renderApp('/settings/password')

    await user.type(await screen.findByLabelText('Current password'), 'correct horse battery staple')
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase')
    await user.click(screen.getByLabelText('Also revoke all my API tokens'))
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    expect(await screen.findByText('Your password was changed. Other sessions were signed out.')).toBeInTheDocument()
    expect(await requestsTo(fetch, 'POST /api/v1/me/password')[0]?.json()).toEqual({
      currentPassword: 'correct horse battery staple',
      newPassword: 'a brand new passphrase',
      revokeApiTokens: true,
    })
  })

  it('deletes the account only after the username is typed, with the password', async () => {
    withSessionCookie()
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'DELETE /api/v1/me': () => new Response(null, { status: 202 }) })
    const { user } = renderApp('/settings/account')

    await user.click(await screen.findByRole('button', { name: 'Delete account…' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete your account?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete my account' })
    expect(confirm).toBeDisabled()
    await expectNoAxeViolations()
    await user.type(within(dialog).getByLabelText('Type your username, alice, to confirm'), 'alice')
    await user.click(confirm)
    expect(await within(dialog).findByText('Enter your password to delete the account.')).toBeInTheDocument()
    expect(requestsTo(fetch, 'DELETE /api/v1/me')).toHaveLength(0)
    await user.type(within(dialog).getByLabelText('Your password'), 'my secret passphrase')
    await user.click(confirm)

    expect(await screen.findByTestId('landing')).toBeInTheDocument()
    expect(screen.getByText('Your account was deleted. Its data is being removed.')).toBeInTheDocument()
    expect(await requestsTo(fetch, 'DELETE /api/v1/me')[0]?.json()).toEqual({ password: 'my secret passphrase' })
  })

  it('shows a wrong password next to the field when deleting the account', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'DELETE /api/v1/me': () =>
        problemResponse({ status: 400, title: 'Validation failed', code: 'validation_failed', errors: { password: ['The password is incorrect.'] } }),
    })
    const { user } = renderApp('/settings/account')

    await user.click(await screen.findByRole('button', { name: 'Delete account…' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete your account?' })
    await user.type(within(dialog).getByLabelText('Type your username, alice, to confirm'), 'alice')
    await user.type(within(dialog).getByLabelText('Your password'), 'not my password')
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }))

    expect(await within(dialog).findByText('The password is incorrect.')).toBeInTheDocument()
  })
})
