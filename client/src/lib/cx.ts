import { clsx, type ClassValue } from 'clsx'
import { twMerge } from 'tailwind-merge'

/**
 * Joins class names (clsx: strings, arrays, `{ class: condition }` objects, falsy values skipped) and lets a later
 * Tailwind utility win over an earlier conflicting one (tailwind-merge), so `cx(base, props.className)` overrides.
 */
export function cx(...classes: ClassValue[]): string {
  return twMerge(clsx(classes))
}
