import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { deferred, jsonResponse, mockApi, problemResponse, requestsTo } from '../../test/http'
import { renderApp } from '../../test/render'
import { me, withSessionCookie } from '../../test/session'

const models = { provider: 'openai', source: 'server', defaultModel: 'gpt-4o-mini', defaultTemperature: 0.2, models: ['gpt-4o-mini', 'gpt-4.1'] }

function validationProblem(errors: Record<string, string[]>) {
  return problemResponse({ title: 'Validation failed', status: 400, code: 'validation_failed', errors })
}

describe('settings forms: client rules, server field errors, pending', () => {
  it('profile: checks the username, then shows the server’s message on it, holding the button meanwhile', async () => {
    withSessionCookie()
    const held = deferred<Response>()
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'PATCH /api/v1/me': () => held.promise })
    const { user } = renderApp('/settings')

    const username = await screen.findByLabelText('Username')
    await user.clear(username)
    await user.type(username, 'a')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(username).toHaveAccessibleDescription(expect.stringContaining("Use 3 to 32 letters, digits, '.', '_' or '-'"))
    await waitFor(() => expect(username).toHaveFocus())
    expect(requestsTo(fetch, 'PATCH /api/v1/me')).toHaveLength(0)

    await user.type(username, 'lice2')
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save changes' })).toHaveAttribute('aria-busy', 'true'))
    held.resolve(validationProblem({ username: ['This username is taken; choose another one.'] }))

    await waitFor(() => expect(username).toHaveAccessibleDescription(expect.stringContaining('This username is taken')))
    await waitFor(() => expect(username).toHaveFocus())
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(await requestsTo(fetch, 'PATCH /api/v1/me')[0]?.json()).toEqual({ username: 'alice2' })
  })

  it('password: a wrong current password lands on that field; the same password twice is refused before sending', async () => {
    withSessionCookie()
    const fetch = mockApi({
      'GET /api/v1/me': me(),
      'POST /api/v1/me/password': () => validationProblem({ currentPassword: ['The current password is incorrect.'] }),
    })
    const { user } = renderApp('/settings/password')

    const current = await screen.findByLabelText('Current password')
    const next = screen.getByLabelText('New password')
    await user.type(current, 'purple-elephant-77')
    await user.type(next, 'purple-elephant-77')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(next).toHaveAccessibleDescription(expect.stringContaining('Choose a password different from the current one.'))
    expect(requestsTo(fetch, 'POST /api/v1/me/password')).toHaveLength(0)

    await user.clear(next)
    await user.type(next, 'a brand new passphrase')
    await user.click(screen.getByRole('button', { name: 'Change password' }))

    await waitFor(() => expect(current).toHaveAccessibleDescription('The current password is incorrect.'))
    await waitFor(() => expect(current).toHaveFocus())
    expect(next).not.toHaveAttribute('aria-invalid')
  })

  it('OpenAI key: the server’s length rule is checked before sending', async () => {
    withSessionCookie()
    const fetch = mockApi({ 'GET /api/v1/me': me(), 'GET /api/v1/me/models': models })
    const { user } = renderApp('/settings/ai')

    const key = await screen.findByLabelText('API key')
    await user.type(key, 'sk-1')
    await user.click(screen.getByRole('button', { name: 'Save key' }))
    expect(key).toHaveAccessibleDescription(expect.stringContaining('That does not look like an API key (8 to 512 characters).'))

    await user.clear(key)
    await user.type(key, 'sk-with space')
    expect(key).toHaveAccessibleDescription(expect.stringContaining('An API key has no spaces or special characters.'))
    expect(requestsTo(fetch, 'PUT /api/v1/me/openai-key')).toHaveLength(0)
  })

  it('model: the server’s message about the model lands on the model field', async () => {
    withSessionCookie()
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/me/models': models,
      'PATCH /api/v1/me': () => validationProblem({ llmModel: ['This model is not offered.'] }),
    })
    const { user } = renderApp('/settings/ai')

    const card = await screen.findByTestId('model-card')
    const select = await within(card).findByLabelText('Chat model')
    await waitFor(() => expect(select).toBeEnabled())
    await user.selectOptions(select, 'gpt-4.1')
    await user.click(within(card).getByRole('button', { name: 'Save changes' }))

    await waitFor(() => expect(select).toHaveAccessibleDescription('This model is not offered.'))
    expect(within(card).queryByRole('alert')).not.toBeInTheDocument()
  })

  it('tokens: a custom date must be in the future; the server’s name message lands on the name; other problems in an alert', async () => {
    withSessionCookie()
    let calls = 0
    mockApi({
      'GET /api/v1/me': me(),
      'GET /api/v1/me/tokens': () => jsonResponse([]),
      'POST /api/v1/me/tokens': () =>
        ++calls === 1
          ? validationProblem({ name: ['This name is already used by another token.'] })
          : problemResponse({ title: 'Conflict', status: 409, code: 'too_many_tokens' }),
    })
    const { user } = renderApp('/settings/tokens')

    await user.click(await screen.findByRole('button', { name: 'Create token' }))
    const dialog = screen.getByRole('dialog')
    await user.type(within(dialog).getByLabelText('Name'), 'CI')
    await user.selectOptions(within(dialog).getByLabelText('Expires'), 'custom')
    const date = within(dialog).getByLabelText('Expiry date')
    await user.clear(date)
    await user.type(date, '2001-01-01')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(date).toHaveAttribute('aria-invalid', 'true')
    await waitFor(() => expect(date).toHaveFocus())

    await user.selectOptions(within(dialog).getByLabelText('Expires'), '30')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    const name = within(dialog).getByLabelText('Name')
    await waitFor(() => expect(name).toHaveAccessibleDescription(expect.stringContaining('This name is already used by another token.')))
    await waitFor(() => expect(name).toHaveFocus())

    await user.type(name, '-2')
    await user.click(within(dialog).getByRole('button', { name: 'Create token' }))
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument()
    expect(name).not.toHaveAttribute('aria-invalid')
  })
})
