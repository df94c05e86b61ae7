import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { frontendConfig, mockConfigEndpoint } from '../test/http'
import { renderApp } from '../test/render'

describe('routes', () => {
  it.each([
    ['/does-not-exist', 'Page not found', '/'],
    ['/ja/does-not-exist', 'ページが見つかりません', '/ja/'],
    ['/japan', 'Page not found', '/'],
  ])('%s shows the 404 page', (path, title, home) => {
    mockConfigEndpoint()
    renderApp(path)

    expect(screen.getByTestId('not-found')).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument()
    expect(screen.queryByTestId('landing')).not.toBeInTheDocument()
    const homeLink = screen.getByTestId('not-found').querySelector('a')
    expect(homeLink).toHaveAttribute('href', home)
  })

  it('/login is a placeholder sign-in page', () => {
    mockConfigEndpoint()
    renderApp('/login')
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(document.title).toBe('Sign in · AskVideo')
  })

  it('/signup says sign-up is disabled when the server does not allow it', async () => {
    mockConfigEndpoint(frontendConfig({ signupEnabled: false }))
    renderApp('/signup')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-up is disabled' })).toBeInTheDocument()
    expect(screen.getAllByRole('link', { name: 'Sign in' }).at(-1)).toHaveAttribute('href', '/login')
  })

  it('/ja/signup is the Japanese sign-up page when enabled', async () => {
    mockConfigEndpoint(frontendConfig({ signupEnabled: true }))
    renderApp('/ja/signup')
    expect(await screen.findByRole('heading', { level: 1, name: 'アカウント作成' })).toBeInTheDocument()
  })

  it('has landmarks and a skip link', () => {
    mockConfigEndpoint()
    renderApp('/')
    expect(screen.getByRole('banner')).toBeInTheDocument()
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main')
    expect(screen.getByRole('contentinfo')).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main')
  })
})
