import { describe, expect, it } from 'vitest'
import { loginPath, safeNextPath } from './nextPath'

describe('safeNextPath', () => {
  it.each([
    ['/settings', '/settings'],
    ['/settings/tokens?x=1#top', '/settings/tokens?x=1#top'],
    ['/ja/settings', '/settings'],
  ])('keeps the app path %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })

  it.each([null, '', 'settings', '//evil.example/x', '/\\evil.example', 'https://evil.example/', '/login', '/ja/signup'])(
    'refuses %s',
    (next) => {
      expect(safeNextPath(next)).toBeUndefined()
    },
  )
})

describe('loginPath', () => {
  it('remembers where the user was, without the language prefix', () => {
    expect(loginPath('/ja/settings/tokens', '?a=1')).toBe('/login?next=%2Fsettings%2Ftokens%3Fa%3D1')
    expect(loginPath('/admin')).toBe('/login?next=%2Fadmin')
    expect(loginPath('/')).toBe('/login')
  })
})
