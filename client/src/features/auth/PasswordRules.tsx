import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { cx } from '../../lib/cx'
import { checkPassword } from './passwordPolicy'

/**
 * The password policy as a live checklist (used as the password field's hint,
 * so screen readers hear it with the field). Each item says whether it is met.
 */
export function PasswordRules({ password, username, email }: { password: string; username?: string; email?: string }) {
  const { t } = useTranslation()
  const checks = checkPassword(password, { username, email })
  return (
    <ul className="space-y-1" data-testid="password-rules">
      {checks.map(({ rule, ok }) => {
        const met = ok && password.length > 0
        return (
          <li key={rule} className={cx('flex items-start gap-2', met ? 'text-emerald-700' : 'text-slate-600')}>
            <svg className="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
              {met ? (
                <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" />
              ) : (
                <circle cx="10" cy="10" r="3" />
              )}
            </svg>
            <span>
              {t(`auth.passwordRules.${rule}`)}
              <span className="sr-only">{met ? t('auth.passwordRules.met') : t('auth.passwordRules.notMet')}</span>
            </span>
          </li>
        )
      })}
    </ul>
  )
}

/** The messages for the rules a password fails (shown as field errors on submit). */
export function passwordProblems(
  password: string,
  identity: { username?: string; email?: string },
  t: TFunction,
): string[] {
  if (!password) return [t('auth.validation.passwordRequired')]
  return checkPassword(password, identity)
    .filter((c) => !c.ok)
    .map((c) => t(`auth.passwordRules.${c.rule}Error`))
}
