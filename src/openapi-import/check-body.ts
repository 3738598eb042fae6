import type { Validator } from '@cfworker/json-schema'
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

/** Checks a value against a JSON Schema 2020-12 schema: every problem, with its path. */
export type BodyCheck = (schema: Node, value: unknown) => Issue[]

/**
 * A BodyCheck on @cfworker/json-schema, which interprets schemas instead of compiling them with
 * `new Function`, so it also runs on workerd. The class is passed in: the package is loaded only
 * when a document is served (it is a sizeable share of startup otherwise).
 */
export function bodyChecker(ValidatorClass: typeof Validator): BodyCheck {
  const validators = new WeakMap<Node, Validator>()
  return (schema, value) => issuesOf(validators, ValidatorClass, schema, value)
}

function issuesOf(
  validators: WeakMap<Node, Validator>,
  ValidatorClass: typeof Validator,
  schema: Node,
  value: unknown,
): Issue[] {
  let validator = validators.get(schema)
  if (validator === undefined) {
    validator = new ValidatorClass(schema as never, '2020-12', false)
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
