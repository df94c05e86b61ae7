import { describe, expect, it } from 'vitest'
import { checkPassword, isCommonPassword, passwordAcceptable, USERNAME_PATTERN } from './passwordPolicy'

const failed = (password: string, identity = {}) =>
  checkPassword(password, identity)
    .filter((c) => !c.ok)
    .map((c) => c.rule)

describe('password policy (mirrors the server)', () => {
  it('accepts a long, unusual password', () => {
    expect(passwordAcceptable('correct horse battery', { username: 'alice', email: 'alice@example.com' })).toBe(true)
  })

  it('needs at least 10 characters', () => {
    expect(failed('Sh0rt!pw')).toContain('length')
    expect(failed('Exactly10!')).not.toContain('length')
  })

  it('refuses passwords containing the username or the email local part', () => {
    expect(failed('my-alice-secret-1', { username: 'Alice' })).toEqual(['notUsername'])
    expect(failed('bobsmith-is-great', { email: 'BobSmith@example.com' })).toEqual(['notEmail'])
    // Local parts shorter than 4 characters are not checked (as on the server).
    expect(failed('joe-was-here-2024', { email: 'joe@example.com' })).toEqual([])
  })

  it('flags common passwords, repeated characters and keyboard or digit runs', () => {
    expect(isCommonPassword('Password123')).toBe(true)
    expect(isCommonPassword('aaaaaaaaaaaa')).toBe(true)
    expect(isCommonPassword('1234567890')).toBe(true)
    expect(isCommonPassword('0987654321')).toBe(true)
    expect(isCommonPassword('qwertyuiop')).toBe(true)
    expect(isCommonPassword('blue-kettle-42')).toBe(false)
  })

  it('validates usernames like the server', () => {
    expect(USERNAME_PATTERN.test('alice')).toBe(true)
    expect(USERNAME_PATTERN.test('a.b_c-d')).toBe(true)
    expect(USERNAME_PATTERN.test('ab')).toBe(false)
    expect(USERNAME_PATTERN.test('-alice')).toBe(false)
    expect(USERNAME_PATTERN.test('alice smith')).toBe(false)
    expect(USERNAME_PATTERN.test('a'.repeat(33))).toBe(false)
  })
})
