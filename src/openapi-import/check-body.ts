import { Validator } from '@cfworker/json-schema'
import type { Issue } from '../errors.ts'
import type { Node } from './document.ts'

// Keywords that only say a part below failed; the part's own error says what and where.
const SUMMARY_KEYWORDS = new Set([
  'properties',
  '$ref',
  'items',
  'allOf',
  'additionalProperties',
  'prefixItems',
])
const validators = new WeakMap<Node, Validator>()

/**
 * Checks a request body against a JSON Schema 2020-12 schema. @cfworker/json-schema interprets the
 * schema instead of compiling it with `new Function`, so this also runs on workerd.
 */
export function bodyIssues(schema: Node, value: unknown): Issue[] {
  let validator = validators.get(schema)
  if (validator === undefined) {
    validator = new Validator(schema as never, '2020-12', false)
    validators.set(schema, validator)
  }
  const result = validator.validate(value)
  if (result.valid) return []
  return result.errors
    .filter((error) => !SUMMARY_KEYWORDS.has(error.keyword))
    .map((error) => ({
      path: error.instanceLocation.replace(/^#\/?/, '').replaceAll('/', '.'),
      message: error.error,
    }))
}
