import type { Issue } from '../errors.ts'
import { hasOwn, isId, isJsonObject, type Id, type JsonObject, type JsonValue } from '../json.ts'
import { didYouMean } from '../schema/context.ts'
import { matchesJsonType } from '../schema/json-type.ts'
import { childPath, indexPath } from '../schema/path.ts'
import { closest } from '../schema/suggest.ts'
import type { FieldSpec, Fields, JsonType } from '../schema/types.ts'
import { constraintProblem, firstRepeat } from './constraint-problem.ts'
import { shown, typeName, valueTypeName } from './describe-value.ts'
import { jsonKey, sameJson } from './same-json.ts'

export type CheckContext = {
  /** Every problem found so far; checking goes on after the first. */
  readonly issues: Issue[]
  /** Whether `resource` has an item with this id (refs must point at one). */
  exists(resource: string, id: Id): boolean
}

/**
 * `full`: every field not optional, nullable or defaulted must be there, and missing ones get their
 * default (or null when nullable); `partial` (a PATCH's top level): only the fields present are checked.
 */
export type FieldsMode = 'full' | 'partial'

/** Checks an object against its fields and returns it as it will be stored. */
export function checkFields(
  fields: Fields,
  body: JsonObject,
  path: string,
  mode: FieldsMode,
  ctx: CheckContext,
): JsonObject {
  const out: JsonObject = {}
  for (const key of Object.keys(body)) {
    const at = childPath(path, key)
    const spec = fields.get(key)
    const value = body[key]
    if (value === undefined) continue
    if (spec === undefined) {
      ctx.issues.push({ path: at, message: unknownField(key, fields) })
      continue
    }
    out[key] = checkValue(spec, value, at, ctx)
  }
  if (mode === 'partial') return out
  for (const [key, spec] of fields) {
    if (hasOwn(body, key)) continue
    if (spec.default !== undefined) out[key] = structuredClone(spec.default)
    else if (spec.optional) continue
    else if (spec.nullable) out[key] = null
    else ctx.issues.push({ path: childPath(path, key), message: 'is required' })
  }
  return out
}

/** Checks one value against its field spec and returns it as it will be stored. */
export function checkValue(
  spec: FieldSpec,
  value: JsonValue,
  path: string,
  ctx: CheckContext,
): JsonValue {
  const report = (message: string): JsonValue => {
    ctx.issues.push({ path, message })
    return value
  }
  if (value === null) {
    if (spec.nullable || spec.valueType === 'null') return null
    const type = expectedType(spec)
    return report(type === undefined ? 'must not be null' : mustBe(type, value))
  }
  switch (spec.kind) {
    case 'object':
      if (!isJsonObject(value)) return report(mustBe('object', value))
      return checkFields(spec.fields, value, path, 'full', ctx)
    case 'array':
      if (!Array.isArray(value)) return report(mustBe('array', value))
      return checkArray(spec, value, path, ctx)
    case 'enum':
      if (spec.values.some((allowed) => sameJson(allowed, value))) return value
      return report(notInEnum(value, spec.values))
    case 'ref': {
      const typeProblem = typeMismatch(spec.valueType, value)
      if (typeProblem !== undefined) return report(typeProblem)
      if (!isId(value) || !ctx.exists(spec.resource, value))
        return report(`${spec.resource} ${shown(value)} does not exist`)
      return value
    }
    default: {
      // Faker, template and constant fields: the value need only have the field's type and keep
      // its constraints.
      const problem =
        typeMismatch(spec.valueType, value) ??
        (spec.constraints === undefined ? undefined : constraintProblem(spec.constraints, value))
      return problem === undefined ? value : report(problem)
    }
  }
}

function checkArray(
  spec: Extract<FieldSpec, { kind: 'array' }>,
  items: readonly JsonValue[],
  path: string,
  ctx: CheckContext,
): JsonValue[] {
  const { of, constraints } = spec
  // `min` and `max` only shape generated data; `minItems` and `maxItems` bound writes too.
  const out = items.map((item, index) => checkValue(of, item, indexPath(path, index), ctx))
  if (constraints !== undefined) {
    const { uniqueItems, ...counts } = constraints
    const problem = constraintProblem(counts, out)
    if (problem !== undefined) ctx.issues.push({ path, message: problem })
    const repeat = uniqueItems === true ? firstRepeat(out) : undefined
    if (repeat !== undefined) {
      const item = out[repeat] ?? null
      const first = out.findIndex((other) => sameJson(other, item))
      ctx.issues.push({
        path: indexPath(path, repeat),
        message: `must be unique: ${shown(item)} is already used by ${indexPath(path, first)}`,
      })
    }
  }
  if (!of.unique) return out
  // A unique field inside an array is unique within that array, as generation makes it.
  const seen = new Map<string, number>()
  out.forEach((item, index) => {
    if (item === null) return
    const key = jsonKey(item)
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, index)
      return
    }
    ctx.issues.push({
      path: indexPath(path, index),
      message: `must be unique: ${shown(item)} is already used by ${indexPath(path, first)}`,
    })
  })
  return out
}

function expectedType(spec: FieldSpec): JsonType | undefined {
  if (spec.kind === 'object') return 'object'
  if (spec.kind === 'array') return 'array'
  return spec.valueType
}

function typeMismatch(type: JsonType | undefined, value: JsonValue): string | undefined {
  if (type === undefined || matchesJsonType(value, type)) return undefined
  return mustBe(type, value)
}

function mustBe(type: JsonType, value: JsonValue): string {
  if (type === 'integer' && typeof value === 'number') return `must be an integer, not ${value}`
  return `must be ${typeName(type)}, not ${valueTypeName(value)}`
}

function notInEnum(value: JsonValue, values: readonly JsonValue[]): string {
  const names = values.filter((allowed): allowed is string => typeof allowed === 'string')
  const hint = typeof value === 'string' ? didYouMean(closest(value, names)) : ''
  return `must be one of ${values.map(shown).join(', ')}${hint}`
}

function unknownField(key: string, fields: Fields): string {
  return `unknown field ${shown(key)}${didYouMean(closest(key, fields.keys()))}`
}
