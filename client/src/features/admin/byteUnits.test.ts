import { describe, expect, it } from 'vitest'
import { splitBytes, toBytes } from './byteUnits'

describe('upload limit units', () => {
  it('shows whole and tenth gigabytes in GB, anything else in MB', () => {
    expect(splitBytes(2 * 1024 ** 3)).toEqual({ amount: '2', unit: 'GB' })
    expect(splitBytes(1.5 * 1024 ** 3)).toEqual({ amount: '1.5', unit: 'GB' })
    expect(splitBytes(500 * 1024 ** 2)).toEqual({ amount: '500', unit: 'MB' })
  })

  it('converts back to bytes and refuses nonsense', () => {
    expect(toBytes('1.5', 'GB')).toBe(1610612736)
    expect(toBytes('500', 'MB')).toBe(524288000)
    expect(toBytes('0', 'MB')).toBeUndefined()
    expect(toBytes('', 'MB')).toBeUndefined()
    expect(toBytes('abc', 'GB')).toBeUndefined()
  })
})
