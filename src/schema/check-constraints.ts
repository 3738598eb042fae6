import type { Issue } from '../errors.ts'
import type { JsonValue } from '../json.ts'
import { constraintProblem } from '../validate/constraint-problem.ts'
import { report } from './context.ts'
import { NUMBER_CONSTRAINTS, STRING_CONSTRAINTS } from './keys.ts'
import type { KindSpec } from './kind-spec.ts'
import { numberDomain } from './number-domain.ts'
import { childPath, indexPath } from './path.ts'
import { FORMAT_TYPES, type Constraints, type JsonType } from './types.ts'

/**
 * Checks that a field's constraints fit its type, that some value satisfies them, and that its
 * default, enum values or constant do.
 */
export function checkConstraints(
  kind: KindSpec,
  valueType: JsonType | undefined,
  constraints: Constraints,
  fallback: JsonValue | undefined,
  path: string,
  issues: Issue[],
): void {
  let fits = true
  const misfit = (key: string, applies: string): void => {
    const actual =
      valueType === undefined
        ? 'this field\'s type is not known (declare "type")'
        : `this field is of type ${valueType}`
    report(issues, childPath(path, key), `applies to ${applies}, and ${actual}`)
    fits = false
  }
  const isNumber = valueType === 'number' || valueType === 'integer'
  for (const key of STRING_CONSTRAINTS) {
    if (constraints[key] !== undefined && valueType !== 'string') misfit(key, 'strings')
  }
  for (const key of NUMBER_CONSTRAINTS) {
    if (constraints[key] !== undefined && !isNumber) misfit(key, 'numbers')
  }
  const { format } = constraints
  if (format !== undefined) {
    const wanted = FORMAT_TYPES[format]
    const ok = wanted === 'number' ? isNumber : valueType === wanted
    if (!ok) misfit('format', wanted === 'string' ? 'strings' : `${wanted}s`)
  }
  if (!fits) return
  if (isNumber) {
    const domain = numberDomain(constraints, valueType === 'integer')
    if ('error' in domain) {
      report(issues, path, domain.error)
      return
    }
  }
  const problem = (value: JsonValue, at: string): void => {
    const found = constraintProblem(constraints, value)
    if (found !== undefined) report(issues, at, found)
  }
  if (fallback !== undefined && fallback !== null) problem(fallback, childPath(path, 'default'))
  if (kind.kind === 'value') problem(kind.value, childPath(path, 'value'))
  if (kind.kind === 'enum') {
    kind.values.forEach((value, index) => {
      if (value !== null) problem(value, indexPath(childPath(path, 'enum'), index))
    })
  }
}
