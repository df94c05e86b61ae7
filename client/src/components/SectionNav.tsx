import { NavLink } from 'react-router'
import { useLocalizePath } from '../i18n/hooks'
import { cx } from '../lib/cx'

export interface SectionNavItem {
  to: string
  label: string
  /** Match only this exact path (for index sections). */
  end?: boolean
}

/**
 * Navigation between the sections of a page (Settings, Admin): a vertical
 * list on wide screens and a horizontally scrolling row on narrow ones.
 */
export function SectionNav({ items, label, orientation = 'responsive' }: { items: SectionNavItem[]; label: string; orientation?: 'responsive' | 'horizontal' }) {
  const localize = useLocalizePath()
  const vertical = orientation === 'responsive'
  return (
    <nav aria-label={label} className={cx('-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0', vertical && 'lg:overflow-visible')}>
      <ul className={cx('flex gap-1 border-b border-slate-200', vertical && 'lg:flex-col lg:border-b-0')}>
        {items.map((item) => (
          <li key={item.to} className="shrink-0">
            <NavLink
              to={localize(item.to)}
              end={item.end}
              className={({ isActive }) =>
                cx(
                  'block rounded-t-lg px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors',
                  'focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600',
                  vertical && 'lg:rounded-lg',
                  isActive
                    ? cx('border-b-2 border-indigo-600 text-indigo-700', vertical && 'lg:border-b-0 lg:bg-indigo-50')
                    : cx('border-b-2 border-transparent text-slate-600 hover:text-slate-900', vertical && 'lg:hover:bg-slate-100'),
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
