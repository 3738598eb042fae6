import { compileRe2 } from '../regex.ts'
import { mustBeOneOf, report } from './context.ts'
import type { Issue } from '../errors.ts'
import { MAX_ARRAY_LENGTH, MAX_MIN_LENGTH, UNCONSTRAINED_KINDS, type SpecKind } from './keys.ts'
import { childPath } from './path.ts'
import { FORMATS, type Constraints, type Format } from './types.ts'

type Writable<T> = { -readonly [K in keyof T]: T[K] }
type CountKey = 'minLength' | 'maxLength' | 'minItems' | 'maxItems'
type BoundKey = 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum'

const COUNT_LIMITS: Readonly<Record<CountKey, number>> = {
  minLength: MAX_MIN_LENGTH,
  maxLength: Number.MAX_SAFE_INTEGER,
  // Generated arrays have at least `minItems` items.
  minItems: MAX_ARRAY_LENGTH,
  maxItems: Number.MAX_SAFE_INTEGER,
}
const BOUND_KEYS: readonly BoundKey[] = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]

/**
 * A field spec's constraint keywords, each checked on its own; `undefined` when it has none.
 * Keywords its kind does not take are left to checkSpecKeys.
 */
export function parseConstraints(
  spec: Record<string, unknown>,
  kind: SpecKind,
  path: string,
  issues: Issue[],
): Constraints | undefined {
  const out: Writable<Constraints> = {}
  const items = kind === 'array'
  const values = !UNCONSTRAINED_KINDS.includes(kind)
  const taken = (key: string): boolean =>
    spec[key] !== undefined && (key.endsWith('Items') ? items : values)
  for (const key of Object.keys(COUNT_LIMITS) as CountKey[]) {
    const value = spec[key]
    if (!taken(key)) continue
    const limit = COUNT_LIMITS[key]
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= limit) {
      out[key] = value
    } else {
      const range =
        limit === Number.MAX_SAFE_INTEGER ? 'a whole number >= 0' : `an integer from 0 to ${limit}`
      report(issues, childPath(path, key), `must be ${range}`)
    }
  }
  for (const key of BOUND_KEYS) {
    const value = spec[key]
    if (!taken(key)) continue
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value
    else report(issues, childPath(path, key), boundMessage(key, value))
  }
  const multipleOf = spec['multipleOf']
  if (taken('multipleOf')) {
    if (typeof multipleOf === 'number' && Number.isFinite(multipleOf) && multipleOf > 0) {
      out.multipleOf = multipleOf
    } else report(issues, childPath(path, 'multipleOf'), 'must be a number > 0')
  }
  const pattern = spec['pattern']
  if (taken('pattern')) {
    const compiled =
      typeof pattern === 'string' ? compileRe2(pattern, { ignoreCase: false }) : undefined
    if (typeof compiled === 'function') out.pattern = pattern as string
    else {
      const message = compiled?.error ?? 'must be a regular expression (a string)'
      report(issues, childPath(path, 'pattern'), message)
    }
  }
  const format = spec['format']
  if (taken('format')) {
    if ((FORMATS as readonly unknown[]).includes(format)) out.format = format as Format
    else report(issues, childPath(path, 'format'), mustBeOneOf(format, FORMATS))
  }
  const uniqueItems = spec['uniqueItems']
  if (taken('uniqueItems')) {
    if (typeof uniqueItems === 'boolean') out.uniqueItems = uniqueItems
    else report(issues, childPath(path, 'uniqueItems'), 'must be true or false')
  }
  checkOrder(out, 'minLength', 'maxLength', path, issues)
  checkOrder(out, 'minItems', 'maxItems', path, issues)
  if (Object.keys(out).length === 0) return undefined
  // In the order the schema writes them, as the OpenAPI document and the types show them.
  const keys = Object.keys(spec).filter((key) => Object.hasOwn(out, key))
  return Object.fromEntries(keys.map((key) => [key, out[key as keyof Constraints]])) as Constraints
}

function boundMessage(key: BoundKey, value: unknown): string {
  if (typeof value === 'boolean' && key.startsWith('exclusive')) {
    // OpenAPI 3.0 and older JSON Schema drafts wrote exclusive bounds as flags.
    const plain = key === 'exclusiveMinimum' ? 'minimum' : 'maximum'
    return `must be a number, the bound itself (write "${key}": 0 rather than "${plain}": 0 with "${key}": true)`
  }
  return 'must be a number'
}

function checkOrder(
  constraints: Constraints,
  low: 'minLength' | 'minItems',
  high: 'maxLength' | 'maxItems',
  path: string,
  issues: Issue[],
): void {
  const [min, max] = [constraints[low], constraints[high]]
  if (min !== undefined && max !== undefined && min > max) {
    report(issues, childPath(path, low), `must be <= ${high} (${max})`)
  }
}
