/** Upload limits are edited in MB or GB (binary multiples, like `formatBytes`). */
export const BYTE_UNITS = { MB: 1024 ** 2, GB: 1024 ** 3 } as const
export type ByteUnit = keyof typeof BYTE_UNITS

/** 2147483648 → { amount: "2", unit: "GB" }; 500 MiB → { amount: "500", unit: "MB" }. */
export function splitBytes(bytes: number): { amount: string; unit: ByteUnit } {
  const tenthsOfGb = (bytes / BYTE_UNITS.GB) * 10
  const unit: ByteUnit = bytes >= BYTE_UNITS.GB && Math.abs(tenthsOfGb - Math.round(tenthsOfGb)) < 1e-6 ? 'GB' : 'MB'
  const amount = Math.round((bytes / BYTE_UNITS[unit]) * 100) / 100
  return { amount: String(amount), unit }
}

/** "1.5" GB → 1610612736; undefined when not a positive number. */
export function toBytes(amount: string, unit: ByteUnit): number | undefined {
  const value = Number(amount.trim().replace(',', '.'))
  if (!amount.trim() || !Number.isFinite(value) || value <= 0) return undefined
  return Math.round(value * BYTE_UNITS[unit])
}
