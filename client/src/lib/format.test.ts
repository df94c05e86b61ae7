import { describe, expect, it } from 'vitest'
import { formatBytes } from './format'

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
