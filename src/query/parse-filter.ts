import { FORBIDDEN_KEYS } from '../json.ts'
import type { Fields, ResourceSpec } from '../schema/types.ts'
import { closest } from '../schema/suggest.ts'
import { coerceValue, isInvalid, type Invalid } from './coerce.ts'
import { compileRegex } from './match-regex.ts'
import { quote } from './query-error.ts'
import { resolveField, type FieldInfo } from './resolve-field.ts'
import {
  COLON_OPERATORS,
  isColonOperator,
  type Filter,
  type Operator,
  type Scalar,
} from './types.ts'

export type FilterContext = {
  readonly resource: ResourceSpec
  /** Undefined for free-form resources and plain json-server dbs: filters behave as in json-server 0.17. */
  readonly fields: Fields | undefined
  /** Fields of this resource that are foreign keys (have an index). */
  readonly foreignKeys: ReadonlySet<string>
}

// json-server 0.17 suffixes (plus _gt and _lt); a key ending in one is tried as a field name first.
const SUFFIXES = ['gte', 'gt', 'lte', 'lt', 'ne', 'like'] as const
const LOOSE: FieldInfo = { compareAs: 'loose', nullable: false, type: 'any' }

/** One filter parameter (all its values); undefined when an unknown `_` parameter is to be ignored. */
export function parseFilter(
  key: string,
  values: readonly string[],
  ctx: FilterContext,
): Filter | Invalid | undefined {
  const target = pickTarget(key, ctx)
  if (isInvalid(target)) return target
  const path = target.field.split('.')
  const info = ctx.fields === undefined ? LOOSE : resolveField(path, ctx.resource, ctx.fields)
  if (isInvalid(info)) {
    const ignorable = key.startsWith('_') && !FORBIDDEN_KEYS.has(path[0] ?? '')
    return ignorable ? undefined : info
  }
  const misfit = operatorMisfit(target.op, info, target.field)
  if (misfit !== undefined) return misfit
  const parsed = parseValues(target.op, values, info)
  if (isInvalid(parsed)) return parsed
  const safe = !path.some((segment) => FORBIDDEN_KEYS.has(segment))
  return {
    param: key,
    path,
    op: target.op,
    values: parsed,
    compareAs: info.compareAs,
    droppable:
      ctx.fields === undefined &&
      safe &&
      ((target.op === 'eq' && !target.colon) || key.startsWith('_')),
    index: indexFor(target.op, path, parsed, info, ctx),
  }
}

function indexFor(
  op: Operator,
  path: readonly string[],
  values: readonly Scalar[],
  info: FieldInfo,
  ctx: FilterContext,
): Filter['index'] {
  const [head, ...rest] = path
  if (op !== 'eq' || values.length !== 1 || values[0] === null || rest.length > 0) return undefined
  if (head === ctx.resource.idKey && info.compareAs !== 'loose') return 'id'
  return head !== undefined && ctx.foreignKeys.has(head) ? 'ref' : undefined
}

type Target = { readonly field: string; readonly op: Operator; readonly colon: boolean }

function pickTarget(key: string, ctx: FilterContext): Target | Invalid {
  const target = splitKey(key)
  if (isInvalid(target) || target.op === 'eq' || target.colon || ctx.fields === undefined)
    return target
  // On a resource with fields, a field really named like `is_like` wins over the suffix.
  const whole = resolveField(key.split('.'), ctx.resource, ctx.fields)
  return isInvalid(whole) ? target : { field: key, op: 'eq', colon: false }
}

function splitKey(key: string): Target | Invalid {
  const colon = key.lastIndexOf(':')
  if (colon !== -1) {
    const op = key.slice(colon + 1)
    if (isColonOperator(op)) return { field: key.slice(0, colon), op, colon: true }
    const guess = op.length <= 64 ? closest(op, COLON_OPERATORS) : undefined
    const hint = guess === undefined ? '' : `did you mean ${quote(guess)}? `
    return {
      error: `unknown operator ${quote(op)} (${hint}operators: ${COLON_OPERATORS.join(', ')})`,
    }
  }
  const suffix = SUFFIXES.find((name) => key.length > name.length + 1 && key.endsWith(`_${name}`))
  if (suffix === undefined) return { field: key, op: 'eq', colon: false }
  return { field: key.slice(0, -suffix.length - 1), op: suffix, colon: false }
}

function operatorMisfit(op: Operator, info: FieldInfo, field: string): Invalid | undefined {
  const ranged = op === 'lt' || op === 'lte' || op === 'gt' || op === 'gte'
  if (ranged && info.compareAs === 'boolean') {
    return {
      error: `operator ${quote(op)} needs a number or text field (${quote(field)} is a boolean)`,
    }
  }
  const textual = op === 'contains' || op === 'startsWith' || op === 'endsWith'
  if (textual && (info.compareAs === 'number' || info.compareAs === 'boolean')) {
    return {
      error: `operator ${quote(op)} needs a text field (${quote(field)} is ${article(info.type)})`,
    }
  }
  return undefined
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`
}

function parseValues(op: Operator, values: readonly string[], info: FieldInfo): Scalar[] | Invalid {
  if (op === 'like') {
    for (const pattern of values) {
      const test = compileRegex(pattern)
      if (isInvalid(test)) return test
    }
    return [...values]
  }
  if (op === 'contains' || op === 'startsWith' || op === 'endsWith') return [...values]
  const texts = op === 'in' ? values.flatMap((value) => value.split(',')) : values
  const nullable = info.nullable && (op === 'eq' || op === 'ne' || op === 'in')
  const parsed: Scalar[] = []
  for (const text of texts) {
    const value = coerceValue(text, info.compareAs, nullable)
    if (isInvalid(value)) return value
    parsed.push(value)
  }
  return parsed
}
