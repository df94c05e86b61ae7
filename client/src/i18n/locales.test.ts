import { describe, expect, it } from 'vitest'
import en from './locales/en'
import ja from './locales/ja'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

describe('locales', () => {
  const enStrings = flatten(en)
  const jaStrings = flatten(ja)

  it('ja has exactly the keys of en', () => {
    expect([...jaStrings.keys()].sort()).toEqual([...enStrings.keys()].sort())
  })

  it('has no empty strings', () => {
    for (const [key, value] of [...enStrings, ...jaStrings]) {
      expect(value.trim(), key).not.toBe('')
    }
  })

  it('uses the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enStrings) {
      expect(placeholders(jaStrings.get(key) ?? ''), key).toEqual(placeholders(value))
    }
  })
})
