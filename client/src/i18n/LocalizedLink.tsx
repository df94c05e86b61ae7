import { Link, type LinkProps } from 'react-router'
import { useLocalizePath } from './hooks'

export interface LocalizedLinkProps extends Omit<LinkProps, 'to'> {
  /** An unprefixed app path such as `/login`; the language prefix is added. */
  to: string
}

/** A router link that stays in the current language. */
export function LocalizedLink({ to, ...rest }: LocalizedLinkProps) {
  const localize = useLocalizePath()
  return <Link to={localize(to)} {...rest} />
}
