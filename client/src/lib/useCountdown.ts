import { useEffect, useState } from 'react'

/**
 * Seconds left of a wait that started when `startedAt` changed (e.g. a 429's
 * Retry-After). Returns 0 when there is nothing to wait for.
 */
export function useCountdown(seconds: number | undefined, startedAt: number): number {
  const [now, setNow] = useState(() => Date.now())
  const deadline = seconds ? startedAt + seconds * 1000 : 0
  // The wait cannot have started after the clock reading, so a reading older than `startedAt` is stale.
  const remaining = deadline ? Math.max(0, Math.ceil((deadline - Math.max(now, startedAt)) / 1000)) : 0

  useEffect(() => {
    if (!deadline) return
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= deadline) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])

  return remaining
}
