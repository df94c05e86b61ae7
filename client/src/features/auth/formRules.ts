import type { TFunction } from 'i18next'
import { z } from 'zod/mini'
import type { $RefinementCtx } from 'zod/v4/core'
import { passwordProblems } from './PasswordRules'
import { looksLikeEmail, PASSWORD_MAX_LENGTH, USERNAME_PATTERN } from './passwordPolicy'

/** The server's limits (AccountRules, LoginValidator). */
export const EMAIL_MAX_LENGTH = 254
export const LOGIN_MAX_LENGTH = 254

/** Field rules shared by the account forms; each form composes its own schema from them. */
export const emailRule = (t: TFunction) =>
  z.string().check(
    z.trim(),
    z.minLength(1, { error: t('auth.validation.emailRequired'), abort: true }),
    z.maxLength(EMAIL_MAX_LENGTH, { error: t('auth.validation.emailTooLong', { max: EMAIL_MAX_LENGTH }), abort: true }),
    z.refine(looksLikeEmail, { error: t('auth.validation.emailInvalid') }),
  )

export const usernameRule = (t: TFunction) =>
  z.string().check(
    z.trim(),
    z.minLength(1, { error: t('auth.validation.usernameRequired'), abort: true }),
    z.regex(USERNAME_PATTERN, { error: t('auth.validation.usernameInvalid') }),
  )

/** A password being typed in to prove who you are: required, within the policy's maximum. */
export const currentPasswordRule = (t: TFunction, required: string = t('auth.validation.passwordRequired')) =>
  z.string().check(
    z.minLength(1, { error: required, abort: true }),
    z.maxLength(PASSWORD_MAX_LENGTH, { error: t('auth.validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH }) }),
  )

/** The password policy (SPEC §3) for a new password: one issue per broken rule, on `path`; returns their count. */
export function addPasswordProblems(
  ctx: $RefinementCtx,
  t: TFunction,
  path: string,
  password: string,
  identity: { username?: string; email?: string } = {},
): number {
  const problems = passwordProblems(password, identity, t)
  for (const message of problems) ctx.addIssue({ code: 'custom', path: [path], message })
  return problems.length
}
