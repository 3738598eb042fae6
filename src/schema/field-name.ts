import { FORBIDDEN_KEYS } from '../json.ts'

/** Why `name` cannot be a field name, or `undefined` when it can. */
export function fieldNameProblem(name: string): string | undefined {
  if (name === '') return 'field names must not be empty'
  if (FORBIDDEN_KEYS.has(name)) return 'is reserved and cannot be a field name'
  if (name.includes('.')) return 'must not contain "." (dots address nested fields in queries)'
  return undefined
}
