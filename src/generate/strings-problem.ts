import type { Faker } from '@faker-js/faker'
import { compileRe2 } from '../regex.ts'
import type { Constraints, FakerCatalog } from '../schema/types.ts'
import { constraintProblem } from '../validate/constraint-problem.ts'
import { shown } from '../validate/describe-value.ts'
import { formatString } from './format-strings.ts'
import { fromPattern } from './pattern-strings.ts'

const SAMPLES = 32

/**
 * Whether strings keeping `constraints` can be made from their pattern (every sample must match
 * it: fromRegExp ignores what it does not know) or format (some sample must keep the lengths too).
 */
export function stringsProblem(
  faker: Faker,
  constraints: Constraints,
): ReturnType<FakerCatalog['stringsProblem']> {
  const { pattern, format } = constraints
  const key = pattern === undefined ? 'format' : 'pattern'
  const test = pattern === undefined ? undefined : compileRe2(pattern, { ignoreCase: false })
  let kept = false
  let first: string | undefined
  for (let sample = 0; sample < SAMPLES; sample++) {
    let made: string | undefined
    try {
      made =
        pattern === undefined
          ? formatString(faker, format ?? 'password')
          : fromPattern(faker, pattern)
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
      return { key, message: `${cannotMake}: ${reason}; ${howTo}` }
    }
    if (made === undefined) return undefined
    if (typeof test === 'function' && !test(made)) {
      return { key, message: `${cannotMake} (it made ${shown(made)}); ${howTo}` }
    }
    first ??= made
    kept ||= constraintProblem(constraints, made) === undefined
  }
  if (kept || first === undefined) return undefined
  const problem = constraintProblem(constraints, first) ?? ''
  return {
    key,
    message: `no string made from the ${key} keeps the field's other constraints (${shown(first)} ${problem})`,
  }
}

const cannotMake = "faker's helpers.fromRegExp cannot make strings that match this pattern"
const howTo =
  'write it with literal text, character classes ([0-9], [a-z]) and counts ({3}, {2,5}, +), or list the values with "enum"'
