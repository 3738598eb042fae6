import type { Faker } from '@faker-js/faker'
import type { NumberDomain } from '../schema/number-domain.ts'

/** How far a range with one open end reaches from its bound (in steps, when there is a step). */
const OPEN_SPAN = 1000

/**
 * A number from the domain, uniformly; with no bound at all, `last` moved to the nearest allowed
 * multiple. The caller checks exclusive bounds (a draw can land on one).
 */
export function drawNumber(domain: NumberDomain, last: number, faker: Faker): number {
  const { step, low, high } = domain
  if (step !== undefined) {
    let { min, max } = domain.multiples
    if (min === undefined && max === undefined) return tidy(Math.round(last / step) * step, step)
    min ??= (max ?? 0) > 0 ? 0 : (max ?? 0) - OPEN_SPAN
    max ??= min < 0 ? 0 : min + OPEN_SPAN
    const k = faker.number.int({ min: safe(min), max: safe(max) })
    return tidy(k * step, step)
  }
  if (low === undefined && high === undefined) return last
  const lo = low?.value ?? ((high?.value ?? 0) > 0 ? 0 : (high?.value ?? 0) - OPEN_SPAN)
  const hi = high?.value ?? (lo < 0 ? 0 : lo + OPEN_SPAN)
  return lo === hi ? lo : faker.number.float({ min: lo, max: hi })
}

function safe(k: number): number {
  return Math.max(-Number.MAX_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, k))
}

// 3 * 0.1 is 0.30000000000000004: keep the step's own decimals.
function tidy(value: number, step: number): number {
  const decimals = decimalsOf(step)
  return decimals === 0 ? value + 0 : Number(value.toFixed(Math.min(decimals, 100))) + 0
}

function decimalsOf(step: number): number {
  const [mantissa = '', exponent] = String(step).split('e')
  const fraction = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exponent ?? 0))
}
