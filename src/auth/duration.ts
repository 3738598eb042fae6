const UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400 }

/** Seconds in `3600`, `90s`, `30m`, `1h` or `7d`; `undefined` for anything else. */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value > 0 ? value : undefined
  }
  const match = /^(\d+)\s*([smhd]?)$/.exec(value.trim())
  if (match === null) return undefined
  const seconds = Number(match[1]) * (UNITS[match[2] || 's'] ?? 1)
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined
}
