import type { Constraints } from './types.ts'

const INT32 = 2 ** 31
const MAX_STEP_SEARCH = 1000

/** Whether `value` is a whole multiple of `step`, within floating-point error (0.3 of 0.1 is). */
export function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step
  return Math.abs(quotient - Math.round(quotient)) < 1e-9
}

/** A number constraint's bound: the value, and whether the value itself is excluded. */
export type Bound = { readonly value: number; readonly exclusive: boolean }

/**
 * The numbers a field's constraints allow: between the bounds and, with a step, the whole multiples
 * `k * step` for `k` in `multiples` (bounds that are not there leave that end open).
 */
export type NumberDomain = {
  readonly low: Bound | undefined
  readonly high: Bound | undefined
  /** The spacing of allowed values: `multipleOf`, 1 for integers, `undefined` for any number. */
  readonly step: number | undefined
  readonly multiples: { readonly min: number | undefined; readonly max: number | undefined }
}

/** The numbers allowed by a field's number constraints, or why there are none. */
export function numberDomain(
  constraints: Constraints,
  integer: boolean,
): NumberDomain | { readonly error: string } {
  let low = tighter(bound(constraints.minimum, false), bound(constraints.exclusiveMinimum, true), 1)
  let high = tighter(
    bound(constraints.maximum, false),
    bound(constraints.exclusiveMaximum, true),
    -1,
  )
  if (constraints.format === 'int32') {
    low = tighter(low, { value: -INT32, exclusive: false }, 1)
    high = tighter(high, { value: INT32 - 1, exclusive: false }, -1)
  }
  const step = stepOf(constraints.multipleOf, integer)
  const kind = integer ? 'integer' : 'number'
  if (typeof step === 'object') return step
  const none = { error: `no ${kind} satisfies ${describe(constraints)}` }
  if (step === undefined) {
    if (low === undefined || high === undefined) return { low, high, step, multiples: noRange }
    const open = low.exclusive || high.exclusive
    return low.value < high.value || (!open && low.value === high.value)
      ? { low, high, step, multiples: noRange }
      : none
  }
  const min = low === undefined ? undefined : firstMultiple(low, step)
  const max = high === undefined ? undefined : lastMultiple(high, step)
  if (min !== undefined && max !== undefined && min > max) return none
  return { low, high, step, multiples: { min, max } }
}

const noRange = { min: undefined, max: undefined }

function bound(value: number | undefined, exclusive: boolean): Bound | undefined {
  return value === undefined ? undefined : { value, exclusive }
}

// The stricter of two bounds: `direction` 1 for lower bounds (higher wins), -1 for upper ones.
function tighter(a: Bound | undefined, b: Bound | undefined, direction: 1 | -1): Bound | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  if (a.value === b.value) return a.exclusive ? a : b
  return (a.value - b.value) * direction > 0 ? a : b
}

// An integer field's multiples must be integers too: multipleOf 0.5 allows every integer, 2.5 every 5.
function stepOf(
  multipleOf: number | undefined,
  integer: boolean,
): number | undefined | { readonly error: string } {
  if (!integer) return multipleOf
  if (multipleOf === undefined || Number.isInteger(multipleOf)) return multipleOf ?? 1
  for (let times = 1; times <= MAX_STEP_SEARCH; times++) {
    const product = times * multipleOf
    if (Math.abs(product - Math.round(product)) < 1e-9) return Math.round(product)
  }
  return { error: `no integer is a multiple of ${multipleOf}` }
}

function firstMultiple(low: Bound, step: number): number {
  const k = Math.ceil(low.value / step - 1e-9)
  return low.exclusive && isMultipleOf(low.value, step) && k * step <= low.value + 1e-9 * step
    ? k + 1
    : k
}

function lastMultiple(high: Bound, step: number): number {
  const k = Math.floor(high.value / step + 1e-9)
  return high.exclusive && isMultipleOf(high.value, step) && k * step >= high.value - 1e-9 * step
    ? k - 1
    : k
}

const NUMBER_KEYS = [
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'format',
] as const

function describe(constraints: Constraints): string {
  const parts = NUMBER_KEYS.flatMap((key) => {
    const value = constraints[key]
    return value === undefined ? [] : [`${key} ${String(value)}`]
  })
  return parts.join(', ')
}
