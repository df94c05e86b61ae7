/**
 * Client-side mirror of the server's password policy (SPEC §3), for live
 * hints while typing. The server stays authoritative: it also checks a longer
 * list of breached passwords, and its messages are shown next to the field.
 */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

export type PasswordRule = 'length' | 'notUsername' | 'notEmail' | 'notCommon'

export interface PasswordCheck {
  rule: PasswordRule
  ok: boolean
}

const SEQUENCES = [
  '0123456789012345678901234567890',
  '9876543210987654321098765432109',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm',
]

/** A few of the most common long passwords; the server has the full list. */
const COMMON = new Set([
  'password123', 'password1234', 'password12345', 'passw0rd123', 'p@ssw0rd123', 'passwordpassword',
  'iloveyou123', 'qwerty12345', 'qwerty123456', 'qwertyuiop1', 'qwertyuiop123', '1q2w3e4r5t', 'q1w2e3r4t5',
  'a1b2c3d4e5', '1234567890a', 'a1234567890', '123456789a', '12345678910', 'abcd123456', 'letmein123',
  'welcome123', 'administrator', 'admin123456', 'changeme123', 'helloworld', 'mypassword', 'mypassword1',
  'secret1234', 'supersecret', 'test123456', 'testing123', 'askvideo123', '1234512345', '1122334455',
])

function reverse(s: string): string {
  return [...s].reverse().join('')
}

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase()
  if (COMMON.has(lower)) return true
  if (new Set(lower).size < 4) return true
  return SEQUENCES.some((s) => s.includes(lower) || reverse(s).includes(lower))
}

/** The state of each rule for the given password and identity. */
export function checkPassword(password: string, identity: { username?: string; email?: string } = {}): PasswordCheck[] {
  const lower = password.toLowerCase()
  const username = identity.username?.trim().toLowerCase() ?? ''
  const email = identity.email?.trim().toLowerCase() ?? ''
  const local = email.split('@')[0] ?? ''
  const checks: PasswordCheck[] = [
    { rule: 'length', ok: password.length >= PASSWORD_MIN_LENGTH && password.length <= PASSWORD_MAX_LENGTH },
  ]
  if (identity.username !== undefined) {
    checks.push({ rule: 'notUsername', ok: password.length > 0 && (username === '' || !lower.includes(username)) })
  }
  if (identity.email !== undefined) {
    const containsEmail = email !== '' && (lower === email || (local.length >= 4 && lower.includes(local)))
    checks.push({ rule: 'notEmail', ok: password.length > 0 && !containsEmail })
  }
  checks.push({ rule: 'notCommon', ok: password.length > 0 && !isCommonPassword(password) })
  return checks
}

export function passwordAcceptable(password: string, identity: { username?: string; email?: string } = {}): boolean {
  return checkPassword(password, identity).every((c) => c.ok)
}

/** Usernames: 3–32 letters, digits, '.', '_' or '-', starting and ending with a letter or digit. */
export const USERNAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{1,30}[A-Za-z0-9])$/

/** A light email check (the server validates properly). */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
}
