import type { FieldSpec } from './types.ts'

/** `item`: what the server answers; `create`: POST and PUT bodies; `update`: PATCH bodies. */
export type FieldMode = 'item' | 'create' | 'update'

/** Whether a field must be present: answers omit only optional fields; PATCH needs nothing. */
export function isRequired(field: FieldSpec, mode: FieldMode): boolean {
  if (mode === 'item') return !field.optional
  if (mode === 'update') return false
  return !field.optional && !field.nullable && field.default === undefined
}

/** The mode of a nested object's fields: PATCH merges the top level only, so it is replaced whole. */
export function nestedMode(mode: FieldMode): FieldMode {
  return mode === 'update' ? 'create' : mode
}
