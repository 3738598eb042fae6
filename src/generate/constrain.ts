import type { Faker } from '@faker-js/faker'
import { UserError } from '../errors.ts'
import type { JsonValue } from '../json.ts'
import { numberDomain } from '../schema/number-domain.ts'
import type { Constraints, JsonType } from '../schema/types.ts'
import { codePointLength, constraintProblem } from '../validate/constraint-problem.ts'
import { shown } from '../validate/describe-value.ts'
import type { CompileContext, FieldSite, Gen } from './compile-context.ts'
import { drawNumber } from './draw-number.ts'
import { formatString } from './format-strings.ts'
import { fromPattern } from './pattern-strings.ts'

/** Values the field's own generator may give before one is made from the constraints instead. */
const OWN_ATTEMPTS = 10
/** Values made from the constraints before generation gives up. */
export const MADE_ATTEMPTS = 100

type Maker = (index: number, last: JsonValue) => JsonValue

/**
 * Makes a field's values keep its constraints: its own generator's values that do are kept (a few
 * tries), else values are made from the constraints (the pattern, the format, the number range, or
 * the own value padded or cut to length). Every value returned keeps them.
 */
export function withConstraints(
  gen: Gen,
  constraints: Constraints,
  type: JsonType | undefined,
  ctx: CompileContext,
  site: FieldSite,
): Gen {
  const make = makerFor(gen, constraints, type, ctx.faker)
  const keeps = (value: JsonValue | undefined): boolean =>
    value === undefined || value === null || constraintProblem(constraints, value) === undefined
  return (index) => {
    let value = gen(index)
    for (let attempt = 1; attempt < OWN_ATTEMPTS && !keeps(value); attempt++) value = gen(index)
    if (keeps(value)) return value
    let made: JsonValue = value ?? null
    for (let attempt = 0; attempt < MADE_ATTEMPTS; attempt++) {
      made = make(index, made)
      if (keeps(made)) return made
    }
    const problem = constraintProblem(constraints, made) ?? ''
    throw new UserError(
      `Cannot generate ${ctx.resource}.${site.path}: after ${MADE_ATTEMPTS} attempts no value kept its constraints (the last, ${shown(made)}, ${problem}). Loosen the constraints or use an "enum".`,
    )
  }
}

function makerFor(
  gen: Gen,
  constraints: Constraints,
  type: JsonType | undefined,
  faker: Faker,
): Maker {
  if (type === 'integer' || type === 'number') {
    const domain = numberDomain(constraints, type === 'integer')
    if ('error' in domain) throw new UserError(domain.error)
    return (_, last) => drawNumber(domain, typeof last === 'number' ? last : 0, faker)
  }
  const { pattern, format } = constraints
  if (pattern !== undefined) return () => fromPattern(faker, pattern)
  if (format !== undefined) return () => formatString(faker, format) ?? ''
  return (index, last) =>
    fitLength(
      typeof last === 'string' ? last : '',
      constraints,
      () => {
        const more = gen(index)
        return typeof more === 'string' ? more : ''
      },
      faker,
    )
}

/** Text padded with more of the field's own text (words apart) and cut, to fit the lengths. */
export function fitLength(
  text: string,
  constraints: Constraints,
  more: () => string,
  faker: Faker,
): string {
  const min = constraints.minLength ?? 0
  const max = constraints.maxLength ?? Number.POSITIVE_INFINITY
  let out = text
  let length = codePointLength(out)
  while (length < min) {
    const piece = more()
    // A generator that gives empty text would pad for ever.
    const added = piece === '' ? faker.string.alpha(min - length) : ` ${piece}`
    out += added
    length += codePointLength(added)
  }
  if (length > max) {
    out = Array.from(out).slice(0, max).join('')
    const trimmed = out.trimEnd()
    if (codePointLength(trimmed) >= min) out = trimmed
  }
  return out
}
