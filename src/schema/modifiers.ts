import type { JsonValue } from '../json.ts'
import { mustBeOneOf, report, type ParseContext } from './context.ts'
import { isJsonValue, matchesJsonType } from './json-type.ts'
import { checkConstraints } from './check-constraints.ts'
import type { KindSpec } from './kind-spec.ts'
import {
  COMMON_MODIFIERS,
  FIELD_SPEC_KEYS,
  KIND_MODIFIERS,
  UNCONSTRAINED_KINDS,
  VALUE_CONSTRAINTS,
  type SpecKind,
} from './keys.ts'
import { parseConstraints } from './parse-constraints.ts'
import { childPath } from './path.ts'
import { closest } from './suggest.ts'
import { JSON_TYPES, type Constraints, type FieldSpec, type JsonType } from './types.ts'

export type DeclaredModifiers = {
  readonly optional: boolean
  readonly nullable: boolean
  readonly unique: boolean
  readonly default: JsonValue | undefined
  readonly type: JsonType | undefined
  readonly constraints: Constraints | undefined
}

export const NO_MODIFIERS: DeclaredModifiers = {
  optional: false,
  nullable: false,
  unique: false,
  default: undefined,
  type: undefined,
  constraints: undefined,
}

/** Reports keys a `kind` spec does not take; a nested object with a `value` field needs `object`. */
export function checkSpecKeys(
  spec: Record<string, unknown>,
  kind: SpecKind,
  path: string,
  issues: ParseContext['issues'],
): void {
  for (const key of Object.keys(spec)) {
    if (key === kind || (COMMON_MODIFIERS as readonly string[]).includes(key)) continue
    if ((VALUE_CONSTRAINTS as readonly string[]).includes(key)) {
      if (UNCONSTRAINED_KINDS.includes(kind)) {
        report(issues, childPath(path, key), constraintMessage(key, kind))
      }
      continue
    }
    const owner = Object.hasOwn(KIND_MODIFIERS, key)
      ? KIND_MODIFIERS[key as keyof typeof KIND_MODIFIERS]
      : undefined
    if (owner === kind) continue
    report(issues, childPath(path, key), keyMessage(key, kind, owner))
  }
}

function keyMessage(key: string, kind: SpecKind, owner: SpecKind | undefined): string {
  if (owner !== undefined) return `"${key}" is only allowed with "${owner}"`
  const suggestion = closest(key, FIELD_SPEC_KEYS)
  if (suggestion !== undefined) return `unknown key "${key}" (did you mean "${suggestion}"?)`
  return `unknown key "${key}" (an object with a "${kind}" key is a field spec; write a nested object that has a "${kind}" field as { "object": { ... } })`
}

function constraintMessage(key: string, kind: SpecKind): string {
  if (kind === 'ref') return `"${key}" is not allowed with "ref" (a ref holds its parent's id)`
  if (kind === 'array')
    return `"${key}" is not allowed with "array"; put it on the items ("array": { ..., "${key}": ... })`
  return `"${key}" is not allowed with "object"; put it on the fields of the object`
}

export function parseModifiers(
  spec: Record<string, unknown>,
  kind: SpecKind,
  path: string,
  issues: ParseContext['issues'],
): DeclaredModifiers {
  const flag = (key: 'optional' | 'nullable' | 'unique'): boolean => {
    const value = spec[key]
    if (value === undefined || typeof value === 'boolean') return value === true
    report(issues, childPath(path, key), 'must be true or false')
    return false
  }
  let type: JsonType | undefined
  if (spec['type'] !== undefined) {
    if ((JSON_TYPES as readonly unknown[]).includes(spec['type'])) type = spec['type'] as JsonType
    else report(issues, childPath(path, 'type'), mustBeOneOf(spec['type'], JSON_TYPES))
  }
  let fallback: JsonValue | undefined
  if (spec['default'] !== undefined) {
    if (isJsonValue(spec['default'])) fallback = spec['default']
    else report(issues, childPath(path, 'default'), 'must be a JSON value')
  }
  return {
    optional: flag('optional'),
    nullable: flag('nullable'),
    unique: flag('unique'),
    default: fallback,
    type,
    constraints: parseConstraints(spec, kind, path, issues),
  }
}

/** Combines kind and modifiers, checking the default against the field's type. */
export function finishSpec(
  kind: KindSpec,
  inferred: JsonType | undefined,
  declared: DeclaredModifiers,
  path: string,
  issues: ParseContext['issues'],
): FieldSpec {
  const valueType = declared.type ?? inferred
  const fallback = declared.default
  if (fallback === null && !declared.nullable && valueType !== 'null') {
    report(issues, childPath(path, 'default'), 'is null but the field is not nullable')
  } else if (fallback !== undefined && fallback !== null && valueType !== undefined) {
    if (!matchesJsonType(fallback, valueType)) {
      report(issues, childPath(path, 'default'), `must be of type ${valueType} (the field's type)`)
    }
  }
  const { constraints } = declared
  if (constraints !== undefined) {
    checkConstraints(kind, valueType, constraints, fallback, path, issues)
  }
  return {
    ...kind,
    optional: declared.optional,
    nullable: declared.nullable,
    unique: declared.unique,
    default: fallback,
    valueType,
    typeDeclared: declared.type !== undefined,
    ...(constraints === undefined ? {} : { constraints }),
  }
}

export function checkContainerType(
  modifiers: DeclaredModifiers,
  expected: 'array' | 'object',
  path: string,
  issues: ParseContext['issues'],
): void {
  if (modifiers.type !== undefined && modifiers.type !== expected) {
    report(issues, childPath(path, 'type'), `must be "${expected}" for an ${expected} field`)
  }
}
