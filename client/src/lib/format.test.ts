import { describe, expect, it } from 'vitest'
import { formatBytes, formatRelative } from './format'

describe('formatBytes', () => {
  it('uses binary multiples with short unit labels', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(512, 'en')).toBe('512 bytes')
    expect(formatBytes(1536, 'en')).toBe('1.5 kB')
    expect(formatBytes(2 * 1024 ** 3, 'en')).toBe('2 GB')
    expect(formatBytes(500 * 1024 ** 2, 'en')).toBe('500 MB')
    expect(formatBytes(2 * 1024 ** 3, 'ja')).toBe('2 GB')
  })
})

describe('formatRelative', () => {
  it('picks a sensible unit', () => {
    const now = Date.parse('2026-03-12T12:00:00Z')
    expect(formatRelative('2026-03-09T12:00:00Z', 'en', now)).toBe('3 days ago')
    expect(formatRelative('2026-03-12T11:59:30Z', 'en', now)).toBe('30 seconds ago')
    expect(formatRelative('2026-05-12T12:00:00Z', 'en', now)).toBe('in 2 months')
    expect(formatRelative('2026-03-09T12:00:00Z', 'ja', now)).toBe('3 日前')
  })
})
