import { LocalizedLink, type LocalizedLinkProps } from '../i18n/LocalizedLink'
import { cx } from '../lib/cx'

export const textLinkClasses =
  'rounded font-semibold text-indigo-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600'

/** An inline text link to an app path (kept in the current language). */
export function TextLink({ className, ...rest }: LocalizedLinkProps) {
  return <LocalizedLink className={cx(textLinkClasses, className)} {...rest} />
}
