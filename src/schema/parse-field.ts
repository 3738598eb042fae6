import { isJsonObject } from '../json.ts'
import { parseArrayBounds } from './array-bounds.ts'
import { checkFakerCall } from './check-faker-call.ts'
import { quoteList, report, type ParseContext } from './context.ts'
import {
  parseEnumKind,
  parseFakerKind,
  parseRefKind,
  parseValueKind,
  type ParsedKind,
} from './field-kinds.ts'
import {
  COMMON_MODIFIERS,
  FIELD_KINDS,
  KIND_MODIFIERS,
  MAX_DEPTH,
  VALUE_CONSTRAINTS,
  type SpecKind,
} from './keys.ts'
import {
  NO_MODIFIERS,
  checkContainerType,
  checkSpecKeys,
  finishSpec,
  parseModifiers,
  type DeclaredModifiers,
} from './modifiers.ts'
import { fieldNameProblem } from './field-name.ts'
import { parseTemplate } from './parse-template.ts'
import { childPath } from './path.ts'
import type { FieldSpec } from './types.ts'

/** Where a field sits: refs are only allowed at the top level of a resource's fields. */
export type Place = {
  readonly topLevel: boolean
  /** Inside an array: a value there is unique only among its siblings, not across items. */
  readonly inArray: boolean
  readonly depth: number
}

const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  ...COMMON_MODIFIERS,
  ...VALUE_CONSTRAINTS,
  ...Object.keys(KIND_MODIFIERS),
])

export function parseField(
  value: unknown,
  path: string,
  ctx: ParseContext,
  place: Place,
): FieldSpec | undefined {
  if (place.depth > MAX_DEPTH) {
    report(ctx.issues, path, `is nested too deeply (at most ${MAX_DEPTH} levels)`)
    return undefined
  }
  if (typeof value === 'string') return parseStringField(value, path, ctx)
  if (!isJsonObject(value)) {
    const constant = JSON.stringify(value) ?? 'null'
    const message = `must be a faker method path, a {{template}}, a field spec or a nested object; for a constant write { "value": ${constant} }`
    report(ctx.issues, path, message)
    return undefined
  }
  const kinds = FIELD_KINDS.filter((kind) => Object.hasOwn(value, kind))
  const [kind] = kinds
  if (kind === undefined) {
    if (!looksLikeSpec(value)) return nestedObject(value, path, ctx, place, NO_MODIFIERS)
    report(ctx.issues, path, `a field spec needs one of ${quoteList(FIELD_KINDS)}`)
    return undefined
  }
  if (kinds.length > 1) {
    const message = `has ${quoteList(kinds)}: a field spec takes exactly one of ${quoteList(FIELD_KINDS)}`
    report(ctx.issues, path, message)
    return undefined
  }
  return parseSpec(value, kind, path, ctx, place)
}

/** Field specs keyed by field name, in declaration order. */
export function parseFieldEntries(
  entries: readonly (readonly [string, unknown])[],
  path: string,
  ctx: ParseContext,
  place: Place,
): Map<string, FieldSpec> {
  const fields = new Map<string, FieldSpec>()
  for (const [name, value] of entries) {
    const fieldPath = childPath(path, name)
    const problem = fieldNameProblem(name)
    if (problem !== undefined) {
      report(ctx.issues, fieldPath, problem)
      continue
    }
    const spec = parseField(value, fieldPath, ctx, place)
    if (spec !== undefined) fields.set(name, spec)
  }
  return fields
}

// An object without a kind key is a nested object, unless a modifier holds something no field can be
function looksLikeSpec(value: Record<string, unknown>): boolean {
  return Object.entries(value).some(
    ([key, item]) => MODIFIER_KEYS.has(key) && typeof item !== 'string' && !isJsonObject(item),
  )
}

function parseStringField(text: string, path: string, ctx: ParseContext): FieldSpec | undefined {
  if (text.includes('{{')) {
    const { parts, problems } = parseTemplate(text)
    for (const problem of problems) report(ctx.issues, path, problem)
    let ok = problems.length === 0
    for (const part of parts) {
      if (typeof part === 'string') continue
      const label = `{{${part.path}}}`
      ok = checkFakerCall(part, { path, label }, ctx) !== undefined && ok
    }
    if (!ok) return undefined
    return finishSpec({ kind: 'template', template: text, parts }, 'string', NO_MODIFIERS, path, [])
  }
  const checked = checkFakerCall({ path: text, args: [] }, { path }, ctx)
  if (checked === undefined) return undefined
  const kind = { kind: 'faker', path: text, args: [] } as const
  return finishSpec(kind, checked.type, NO_MODIFIERS, path, [])
}

function parseSpec(
  spec: Record<string, unknown>,
  kind: SpecKind,
  path: string,
  ctx: ParseContext,
  place: Place,
): FieldSpec | undefined {
  checkSpecKeys(spec, kind, path, ctx.issues)
  const modifiers = parseModifiers(spec, kind, path, ctx.issues)
  const where = { topLevel: place.topLevel, inArray: place.inArray, modifiers }
  let parsed: ParsedKind | undefined
  if (kind === 'faker') parsed = parseFakerKind(spec, path, ctx)
  else if (kind === 'ref') parsed = parseRefKind(spec, path, ctx, where)
  else if (kind === 'enum') parsed = parseEnumKind(spec, path, ctx, where)
  else if (kind === 'value') parsed = parseValueKind(spec, path, ctx, modifiers)
  else if (kind === 'array') return arrayField(spec, path, ctx, place, modifiers)
  else {
    const objectPath = childPath(path, 'object')
    if (!isJsonObject(spec['object'])) {
      report(ctx.issues, objectPath, 'must be an object of fields')
      return undefined
    }
    checkContainerType(modifiers, 'object', path, ctx.issues)
    const nested = { ...place, depth: place.depth + 1 }
    return nestedObject(spec['object'], objectPath, ctx, nested, modifiers, path)
  }
  const field = parsed && finishSpec(parsed.kind, parsed.inferred, modifiers, path, ctx.issues)
  if (field?.kind === 'faker') checkGeneratedStrings(field, path, ctx)
  return field
}

// Values a faker method gives that break `pattern` or `format` are replaced by ones made from them,
// so those must be makeable whatever the method.
function checkGeneratedStrings(field: FieldSpec, path: string, ctx: ParseContext): void {
  const { constraints } = field
  if (constraints === undefined || field.valueType !== 'string') return
  if (constraints.pattern === undefined && constraints.format === undefined) return
  const problem = ctx.catalog.stringsProblem(constraints)
  if (problem !== undefined) report(ctx.issues, childPath(path, problem.key), problem.message)
}

function nestedObject(
  value: Record<string, unknown>,
  fieldsPath: string,
  ctx: ParseContext,
  place: Place,
  modifiers: DeclaredModifiers,
  specPath = fieldsPath,
): FieldSpec {
  const inner = { topLevel: false, inArray: place.inArray, depth: place.depth + 1 }
  const fields = parseFieldEntries(Object.entries(value), fieldsPath, ctx, inner)
  return finishSpec({ kind: 'object', fields }, 'object', modifiers, specPath, ctx.issues)
}

function arrayField(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
  place: Place,
  modifiers: DeclaredModifiers,
): FieldSpec | undefined {
  checkContainerType(modifiers, 'array', path, ctx.issues)
  const inner = { topLevel: false, inArray: true, depth: place.depth + 1 }
  const of = parseField(spec['array'], childPath(path, 'array'), ctx, inner)
  const bounds = parseArrayBounds(spec, path, ctx, modifiers.constraints, of)
  if (of === undefined || bounds === undefined) return undefined
  return finishSpec({ kind: 'array', of, ...bounds }, 'array', modifiers, path, ctx.issues)
}
