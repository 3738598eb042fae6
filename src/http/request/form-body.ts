import type { JsonObject, JsonValue, Row } from '../../json.ts'
import { hasOwn } from '../../json.ts'
import type { FieldSpec, JsonType, ResourceSpec } from '../../schema/types.ts'
import { formKeyPath } from './form-keys.ts'

/** What a form value should become: a field's JSON type and whether `null` is allowed. */
export type FormField = {
  readonly type: JsonType | undefined
  readonly nullable: boolean
  /** An array's elements. */
  readonly items?: FormField | undefined
  /** An object's fields, by name. */
  readonly fields?: FormFields | undefined
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
 * A form's fields as an object (`application/x-www-form-urlencoded`, or the text fields of
 * `multipart/form-data`): a repeated key gives an array, and each value is converted to its
 * field's type when the text reads as one (`"12"` → 12 for a number, `"true"`/`"on"` → true for a
 * boolean, `""` → null where null is allowed). Text that does not read as the type is kept, so
 * validation names the mistake. Bracketed and dotted keys nest (form-keys.ts): `user[name]=x` is
 * `{ user: { name: 'x' } }`, `tags[]=a` is `{ tags: ['a'] }`, `items[0][sku]=1` is
 * `{ items: [{ sku: 1 }] }`, unless the resource already has a field named by the whole key.
 * A key given both as a value and as an object (`user=x&user[name]=y`) throws a FormConflict.
 */
export function parseFormEntries(
  entries: Iterable<readonly [string, string]>,
  fields: FormFields,
): JsonObject {
  const root: Branch = { kind: 'branch', children: new Map() }
  for (const [key, value] of entries) {
    const path = fields(key) === undefined ? formKeyPath(key) : undefined
    const segments = path?.segments ?? [key]
    let branch = root
    for (const [index, segment] of segments.entries()) {
      const last = index === segments.length - 1
      const node = branch.children.get(segment)
      if (last) {
        if (node?.kind === 'branch') throw new FormConflict(key)
        const leaf = node ?? { kind: 'leaf', values: [], list: false }
        leaf.values.push(value)
        if (path?.append === true) leaf.list = true
        branch.children.set(segment, leaf)
      } else {
        if (node?.kind === 'leaf') throw new FormConflict(key)
        const next: Branch = node ?? { kind: 'branch', children: new Map() }
        branch.children.set(segment, next)
        branch = next
      }
    }
  }
  const body: JsonObject = {}
  for (const [key, node] of root.children) setOwn(body, key, toJson(node, fields(key)))
  return body
}

/** A form key given both as a value and as an object (`user=x&user[name]=y`). */
export class FormConflict extends Error {
  readonly key: string

  constructor(key: string) {
    super(`${key}: is given both as a value and as an object`)
    this.key = key
  }
}

type Leaf = { readonly kind: 'leaf'; readonly values: string[]; list: boolean }
type Branch = { readonly kind: 'branch'; readonly children: Map<string, Leaf | Branch> }

function toJson(node: Leaf | Branch, field: FormField | undefined): JsonValue {
  if (node.kind === 'leaf') {
    const { values } = node
    if (field?.type === 'array') return values.map((value) => convert(value, field.items))
    if (values.length === 1 && !node.list) return convert(values[0] ?? '', field)
    return values.map((value) => convert(value, field))
  }
  const keys = [...node.children.keys()]
  // `items[0]`, `items[1]`: an array in the order of the indices
  if (keys.every((key) => /^\d+$/.test(key))) {
    return keys
      .toSorted((a, b) => Number(a) - Number(b))
      .map((key) => toJson(node.children.get(key) as Leaf | Branch, field?.items))
  }
  const object: JsonObject = {}
  for (const [key, child] of node.children) setOwn(object, key, toJson(child, field?.fields?.(key)))
  return object
}

// Keys such as `__proto__` become own properties, which the body check then refuses.
function setOwn(object: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
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
  const fields =
    spec.kind === 'object'
      ? (key: string) => {
          const child = spec.fields.get(key)
          return child && specField(child)
        }
      : undefined
  return { type: spec.valueType, nullable: spec.nullable, items, fields }
}

function valueField(value: JsonValue): FormField {
  if (Array.isArray(value)) {
    const [first] = value
    return { type: 'array', nullable: false, items: first == null ? undefined : valueField(first) }
  }
  if (value === null) return { type: 'null', nullable: false }
  if (typeof value === 'object') {
    const fields = (key: string) => {
      const child = hasOwn(value, key) ? value[key] : undefined
      return child === undefined || child === null ? undefined : valueField(child)
    }
    return { type: 'object', nullable: false, fields }
  }
  const type =
    typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string'
  return { type, nullable: false }
}
