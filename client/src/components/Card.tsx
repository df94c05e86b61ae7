import type { HTMLAttributes } from 'react'
import { cx } from '../lib/cx'

export interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'div' | 'section' | 'article' | 'li'
  padding?: 'none' | 'md' | 'lg'
}

const paddings = { none: '', md: 'p-5 sm:p-6', lg: 'p-6 sm:p-8' } as const

export function Card({ as: Tag = 'div', padding = 'md', className, ...rest }: CardProps) {
  return (
    <Tag
      className={cx('rounded-2xl border border-slate-200 bg-white shadow-sm', paddings[padding], className)}
      {...rest}
    />
  )
}
