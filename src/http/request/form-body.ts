import type { JsonObject, JsonValue, Row } from '../../json.ts'
import { hasOwn } from '../../json.ts'
import type { FieldSpec, JsonType, ResourceSpec } from '../../schema/types.ts'

/** What a form value should become: a field's JSON type and whether `null` is allowed. */
export type FormField = {
  readonly type: JsonType | undefined
  readonly nullable: boolean
  /** An array's elements. */
  readonly items?: FormField | undefined
}

/** The type of a field a form names, `undefined` when nothing tells it (the value stays text). */
export type FormFields = (key: string) => FormField | undefined

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/

/**
 * Types for form fields: the schema's declared or inferred type; for free-form resources (and plain
 * db files), the type of the value the resource's items hold for that key (the first that has one).
 */
export function formFields(
  resource: ResourceSpec,
  items: () => readonly Row[],
  single: JsonObject | undefined,
): FormFields {
  const fields = resource.fields
  if (fields !== undefined) {
    return (key) => {
      if (key === resource.idKey) return idField(resource)
      const spec = fields.get(key)
      return spec && specField(spec)
    }
  }
  return (key) => {
    if (key === resource.idKey && resource.id === 'integer') return idField(resource)
    const rows = single === undefined ? items() : [single]
    for (const row of rows) {
      if (!hasOwn(row, key)) continue
      const value = row[key]
      if (value !== null && value !== undefined) return valueField(value)
    }
    return undefined
  }
}

/**
 * An `application/x-www-form-urlencoded` body as an object: a repeated key gives an array, and
 * each value is converted to its field's type when the text reads as one (`"12"` → 12 for a
 * number, `"true"`/`"on"` → true for a boolean, `""` → null where null is allowed). Text that
 * does not read as the type is kept, so validation names the mistake.
 */
export function parseFormBody(text: string, fields: FormFields): JsonObject {
  const params = new URLSearchParams(text)
  const body: JsonObject = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    const field = fields(key)
    const converted =
      field?.type === 'array'
        ? values.map((value) => convert(value, field.items))
        : values.length === 1
          ? convert(values[0] ?? '', field)
          : values.map((value) => convert(value, field))
    Object.defineProperty(body, key, {
      value: converted,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return body
}

function convert(text: string, field: FormField | undefined): JsonValue {
  if (field === undefined) return text
  if (text === '' && field.nullable) return null
  switch (field.type) {
    case 'number':
    case 'integer':
      return NUMBER.test(text) && Number.isFinite(Number(text)) ? Number(text) : text
    case 'boolean':
      // An HTML checkbox sends "on" when ticked (and nothing when not).
      if (text === 'true' || text === 'on') return true
      return text === 'false' ? false : text
    case 'null':
      return text === '' || text === 'null' ? null : text
    default:
      return text
  }
}

function idField(resource: ResourceSpec): FormField {
  return { type: resource.id === 'integer' ? 'integer' : 'string', nullable: false }
}

function specField(spec: FieldSpec): FormField {
  const items = spec.kind === 'array' ? specField(spec.of) : undefined
  return { type: spec.valueType, nullable: spec.nullable, items }
}

function valueField(value: JsonValue): FormField {
  if (Array.isArray(value)) {
    const [first] = value
    return { type: 'array', nullable: false, items: first == null ? undefined : valueField(first) }
  }
  if (typeof value === 'object')
    return { type: value === null ? 'null' : 'object', nullable: false }
  const type =
    typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
  return { type, nullable: false }
}
