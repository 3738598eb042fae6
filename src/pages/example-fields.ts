import type { JsonObject, JsonPrimitive, JsonValue } from '../json.ts'
import { isJsonObject } from '../json.ts'
import type { Fields, ResourceSpec } from '../schema/types.ts'

/** A scalar field of an example item, at any depth: `address.city` = `"Paris"`. */
export type ExampleField = {
  readonly path: string
  readonly value: string | number | boolean
  readonly ref: boolean
  readonly deep: boolean
}

function leaves(fields: Fields, item: JsonObject, prefix: string): ExampleField[] {
  const found: ExampleField[] = []
  for (const [name, field] of fields) {
    const value: JsonValue | undefined = item[name]
    if (field.kind === 'object' && isJsonObject(value)) {
      found.push(...leaves(field.fields, value, `${prefix}${name}.`))
    } else if (isScalar(value)) {
      found.push({ path: prefix + name, value, ref: field.kind === 'ref', deep: prefix !== '' })
    }
  }
  return found
}

function isScalar(value: JsonValue | undefined): value is Exclude<JsonPrimitive, null> {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

/** The scalar fields of a resource's example item, top-level ones first. */
export function exampleFields(
  resource: ResourceSpec,
  item: JsonObject | undefined,
): ExampleField[] {
  if (item === undefined || resource.fields === undefined) return []
  const found = leaves(resource.fields, item, '')
  return [...found.filter((field) => !field.deep), ...found.filter((field) => field.deep)]
}

/** A short prefix of a text value that is safe inside a regular expression: `^Lor`. */
export function wordPrefix(text: string): string | undefined {
  const word = /[A-Za-z0-9]{3,}/.exec(text)?.[0]
  return word?.slice(0, 3)
}

/** One whole word of a text value, for a search example. */
export function searchWord(text: string): string | undefined {
  return /[A-Za-z]{3,}/.exec(text)?.[0]?.toLowerCase()
}
