import type { JsonValue } from '../json.ts'
import { jsonTypeOf } from '../schema/json-type.ts'
import type { JsonType } from '../schema/types.ts'

const WITH_ARTICLE: Readonly<Record<JsonType, string>> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
}

/** `a string`, `an integer`, `null`: a JSON type as a message says it. */
export function typeName(type: JsonType): string {
  return WITH_ARTICLE[type]
}

/** What a value is, for "must be X, not Y": whole numbers are just numbers here. */
export function valueTypeName(value: JsonValue): string {
  const type = jsonTypeOf(value)
  return typeName(type === 'integer' ? 'number' : type)
}

const MAX_SHOWN = 80

/** A value as JSON for a message, cut short. */
export function shown(value: JsonValue): string {
  const text = JSON.stringify(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text
}
