import type { JsonObject, JsonValue } from '../json.ts'
import { jsonTypeOf } from '../schema/json-type.ts'
import { FIELD_SPEC_KEYS } from '../schema/keys.ts'
import type { FakerCatalog, JsonType } from '../schema/types.ts'
import { stringField, type FieldJson } from './string-field.ts'

/** Enums are small sets that repeat: at most this many values, each seen twice on average. */
const MAX_ENUM_VALUES = 10
const MAX_ENUM_TEXT = 40

export type InferContext = {
  readonly catalog: FakerCatalog
  /** The field (or array) this object is in, for names such as `company.name`. */
  readonly parent: string | undefined
  /** Top-level fields that are references: field name -> resource. */
  readonly refs: ReadonlyMap<string, string>
  /** The resource the fields belong to: a reference to it must be nullable (the first has none). */
  readonly resource: string
}

/** The fields of objects like `rows`, in the order their keys first appear. */
export function inferFields(rows: readonly JsonObject[], ctx: InferContext): JsonObject {
  const keys = new Set(rows.flatMap((row) => Object.keys(row)))
  const fields: JsonObject = {}
  for (const key of keys) {
    const present = rows.filter((row) => Object.hasOwn(row, key)).map((row) => row[key] ?? null)
    const optional = present.length < rows.length
    const nullable = present.includes(null)
    const values = present.filter((value) => value !== null)
    const ref = ctx.refs.get(key)
    const base: FieldJson = ref !== undefined ? { ref } : fieldOf(key, values, ctx)
    const selfRef = ref !== undefined && ref === ctx.resource && !optional
    fields[key] = withModifiers(base, {
      optional,
      nullable: (nullable && values.length > 0) || selfRef,
    })
  }
  return fields
}

function withModifiers(
  base: FieldJson,
  flags: { readonly optional: boolean; readonly nullable: boolean },
): FieldJson {
  const set = Object.entries(flags).filter(([, on]) => on)
  if (set.length === 0) return base
  const spec: JsonObject =
    typeof base === 'string' ? { faker: base } : isSpec(base) ? { ...base } : { object: base }
  for (const [flag] of set) spec[flag] = true
  return spec
}

function isSpec(field: JsonObject): boolean {
  return ['faker', 'ref', 'enum', 'array', 'value', 'object'].some((kind) =>
    Object.hasOwn(field, kind),
  )
}

/** The field for these (non-null) values of `key`. */
function fieldOf(key: string, values: readonly JsonValue[], ctx: InferContext): FieldJson {
  const type = mainType(values)
  if (type === undefined) return { value: null }
  const typed = values.filter((value) => sameType(jsonTypeOf(value), type))
  switch (type) {
    case 'boolean':
      return 'datatype.boolean'
    case 'integer':
    case 'number':
      return enumOf(typed) ?? numberField(typed as number[], type)
    case 'string': {
      const field = stringField(key, ctx.parent, typed as string[])
      return enumOf(typed) ?? uniqueWhereMeant(typedFaker(field, 'string', ctx), typed)
    }
    case 'object':
      return nestedObject(
        inferFields(typed as JsonObject[], { ...ctx, parent: key, refs: new Map() }),
      )
    case 'array':
      return arrayField(key, typed as JsonValue[][], ctx)
    case 'null':
      return { value: null }
  }
}

// Integers count as numbers when both appear.
function sameType(actual: JsonType, wanted: JsonType): boolean {
  return actual === wanted || (wanted === 'number' && actual === 'integer')
}

/** The type most values have (`number` when integers and fractions mix). */
function mainType(values: readonly JsonValue[]): JsonType | undefined {
  const counts = new Map<JsonType, number>()
  for (const value of values) {
    const type = jsonTypeOf(value)
    counts.set(type, (counts.get(type) ?? 0) + 1)
  }
  if (counts.has('integer') && counts.has('number')) {
    counts.set('number', (counts.get('number') ?? 0) + (counts.get('integer') ?? 0))
    counts.delete('integer')
  }
  let best: JsonType | undefined
  for (const [type, count] of counts)
    if (best === undefined || count > (counts.get(best) ?? 0)) best = type
  return best
}

function enumOf(values: readonly JsonValue[]): JsonObject | undefined {
  const distinct = [...new Set(values)]
  const small = distinct.length <= MAX_ENUM_VALUES && values.length >= 2 * distinct.length
  const short = distinct.every(
    (value) => typeof value !== 'string' || value.length <= MAX_ENUM_TEXT,
  )
  return small && short && distinct.length > 0 ? { enum: distinct } : undefined
}

// Identifiers people expect to be unique (emails, usernames, slugs, uuids) stay so when the sample
// has no repeats; other text is left free, so generating more of it cannot run out of values.
const IDENTIFYING = new Set(['internet.email', 'internet.username', 'lorem.slug', 'string.uuid'])

function uniqueWhereMeant(field: FieldJson, values: readonly JsonValue[]): FieldJson {
  const path = typeof field === 'string' ? field : field['faker']
  if (typeof path !== 'string' || !IDENTIFYING.has(path) || values.length < 2) return field
  if (new Set(values).size < values.length) return field
  return typeof field === 'string' ? { faker: field, unique: true } : { ...field, unique: true }
}

function numberField(values: readonly number[], type: 'integer' | 'number'): JsonObject {
  const [min, max] = [Math.min(...values), Math.max(...values)]
  if (type === 'integer') return { faker: 'number.int', args: [{ min, max }] }
  const fractionDigits = Math.max(
    ...values.map((value) => String(value).split('.')[1]?.length ?? 0),
  )
  return { faker: 'number.float', args: [{ min, max, fractionDigits }] }
}

/** A faker field whose values have the sample's type: `"type"` is added where the method's differ. */
function typedFaker(field: FieldJson, type: JsonType, ctx: InferContext): FieldJson {
  const path = typeof field === 'string' ? field : field['faker']
  // Templates always make strings.
  if (typeof path !== 'string' || path.includes('{{')) return field
  const args = typeof field === 'string' ? [] : ((field['args'] as JsonValue[] | undefined) ?? [])
  if (!ctx.catalog.has(path)) return 'lorem.word'
  const sampled = ctx.catalog.sampleType({ path, args })
  if (sampled === type || typeof sampled === 'object') return field
  return typeof field === 'string' ? { faker: field, type } : { ...field, type }
}

// A nested object whose keys could be read as a field spec is written with "object".
function nestedObject(fields: JsonObject): JsonObject {
  const clash = Object.keys(fields).some((key) => FIELD_SPEC_KEYS.includes(key))
  return clash || Object.keys(fields).length === 0 ? { object: fields } : fields
}

function arrayField(key: string, arrays: readonly JsonValue[][], ctx: InferContext): JsonObject {
  const lengths = arrays.map((array) => array.length)
  const [min, max] = [Math.min(...lengths), Math.max(...lengths)]
  const items = arrays.flat().filter((item) => item !== null)
  if (items.length === 0) return { value: [] }
  const of = fieldOf(key, items, { ...ctx, refs: new Map() })
  return { array: of, min, max: Math.min(max, 1000) }
}
