import { FORBIDDEN_KEYS } from '../json.ts'

export const RESOURCE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/
/** Paths fauxrest serves itself, besides everything under `_`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['db', 'docs', 'openapi.json'])

/** Why `name` cannot be a resource (it becomes the route `/name`), or `undefined` when it can. */
export function resourceNameProblem(name: string): string | undefined {
  if (name.startsWith('_')) return 'is reserved: names starting with "_" are fauxrest\'s own routes'
  if (RESERVED_NAMES.has(name)) return `is reserved for fauxrest's own route /${name}`
  if (FORBIDDEN_KEYS.has(name)) return 'is reserved'
  if (!RESOURCE_NAME_PATTERN.test(name)) {
    return 'must be URL-safe: letters, digits and . _ ~ - only, starting with a letter or digit'
  }
  return undefined
}
