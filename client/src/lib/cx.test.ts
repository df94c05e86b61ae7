import { describe, expect, it } from 'vitest'
import { cx } from './cx'

describe('cx', () => {
  it('skips falsy values and joins the rest', () => {
    expect(cx('a', false, null, undefined, '', 'b')).toBe('a b')
  })

  it('takes conditional objects and arrays', () => {
    expect(cx(['px-2', { 'font-bold': true, italic: false }])).toBe('px-2 font-bold')
  })

  it('lets a later Tailwind utility replace a conflicting earlier one', () => {
    expect(cx('px-2 py-1 text-slate-600', 'px-4', 'text-red-700')).toBe('py-1 px-4 text-red-700')
  })
})
