import type { TFunction } from 'i18next'
import { z } from 'zod'
import { passwordProblems } from './PasswordRules'
import { looksLikeEmail, PASSWORD_MAX_LENGTH, USERNAME_PATTERN } from './passwordPolicy'

/** The server's limits (AccountRules, LoginValidator). */
export const EMAIL_MAX_LENGTH = 254
export const LOGIN_MAX_LENGTH = 254

/** Field rules shared by the account forms; each form composes its own schema from them. */
export const emailRule = (t: TFunction) =>
  z
    .string()
    .trim()
    .min(1, { error: t('auth.validation.emailRequired'), abort: true })
    .max(EMAIL_MAX_LENGTH, { error: t('auth.validation.emailTooLong', { max: EMAIL_MAX_LENGTH }), abort: true })
    .refine(looksLikeEmail, { error: t('auth.validation.emailInvalid') })

export const usernameRule = (t: TFunction) =>
  z
    .string()
    .trim()
    .min(1, { error: t('auth.validation.usernameRequired'), abort: true })
    .regex(USERNAME_PATTERN, { error: t('auth.validation.usernameInvalid') })

/** A password being typed in to prove who you are: required, within the policy's maximum. */
export const currentPasswordRule = (t: TFunction, required: string = t('auth.validation.passwordRequired')) =>
  z
    .string()
    .min(1, { error: required, abort: true })
    .max(PASSWORD_MAX_LENGTH, { error: t('auth.validation.passwordTooLong', { max: PASSWORD_MAX_LENGTH }) })

/** The password policy (SPEC §3) for a new password: one issue per broken rule, on `path`; returns their count. */
export function addPasswordProblems(
  ctx: z.RefinementCtx,
  t: TFunction,
  path: string,
  password: string,
  identity: { username?: string; email?: string } = {},
): number {
  const problems = passwordProblems(password, identity, t)
  for (const message of problems) ctx.addIssue({ code: 'custom', path: [path], message })
  return problems.length
}
