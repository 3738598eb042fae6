import type { JsonValue } from '../json.ts'
import { checkFakerCall } from './check-faker-call.ts'
import { didYouMean, mustBeOneOf, report, type ParseContext } from './context.ts'
import { commonJsonType, isJsonValue, jsonTypeOf } from './json-type.ts'
import type { KindSpec } from './kind-spec.ts'
import type { DeclaredModifiers } from './modifiers.ts'
import { childPath } from './path.ts'
import { closest } from './suggest.ts'
import { ON_DELETE, type JsonType, type OnDelete } from './types.ts'

/** A kind's contribution to a spec and the type it infers, or `undefined` after reporting issues. */
export type ParsedKind = { readonly kind: KindSpec; readonly inferred: JsonType | undefined }

export function parseFakerKind(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
): ParsedKind | undefined {
  const fakerPath = spec['faker']
  const args = spec['args'] ?? []
  const argsPath = childPath(path, 'args')
  if (typeof fakerPath !== 'string') {
    report(ctx.issues, childPath(path, 'faker'), 'must be a faker method path (module.method)')
    return undefined
  }
  if (!Array.isArray(args) || !isJsonValue(args)) {
    report(ctx.issues, argsPath, 'must be an array of JSON arguments, e.g. [{ "min": 1 }]')
    return undefined
  }
  const at = {
    path: childPath(path, 'faker'),
    argsPath: spec['args'] === undefined ? path : argsPath,
  }
  const checked = checkFakerCall({ path: fakerPath, args }, at, ctx)
  if (checked === undefined) return undefined
  return { kind: { kind: 'faker', path: fakerPath, args }, inferred: checked.type }
}

export function parseRefKind(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
  place: { readonly topLevel: boolean; readonly modifiers: DeclaredModifiers },
): ParsedKind | undefined {
  const target = spec['ref']
  const refPath = childPath(path, 'ref')
  let ok = true
  const fail = (at: string, message: string): void => {
    report(ctx.issues, at, message)
    ok = false
  }
  if (!place.topLevel) fail(path, "a ref is only allowed at the top level of a resource's fields")
  if (spec['type'] !== undefined) {
    fail(
      childPath(path, 'type'),
      'is not allowed with "ref" (a ref has the type of its parent\'s id)',
    )
  }
  const onDelete = spec['onDelete'] ?? 'cascade'
  if (!(ON_DELETE as readonly unknown[]).includes(onDelete)) {
    fail(childPath(path, 'onDelete'), mustBeOneOf(onDelete, ON_DELETE))
  }
  if (typeof target !== 'string') {
    fail(refPath, 'must be the name of a plural resource')
    return undefined
  }
  const parent = ctx.resources.get(target)
  if (parent === undefined) {
    const names = [...ctx.resources.keys()]
    fail(refPath, `ref to unknown resource "${target}"${didYouMean(closest(target, names))}`)
  } else if (parent.singular) {
    fail(refPath, `ref to singular resource "${target}": refs point at plural resources`)
  } else if (target === ctx.resource && !place.modifiers.nullable && !place.modifiers.optional) {
    fail(
      path,
      'a ref to its own resource must be nullable or optional (the first item has no parent)',
    )
  }
  if (!ok || parent === undefined) return undefined
  return {
    kind: { kind: 'ref', resource: target, onDelete: onDelete as OnDelete },
    inferred: parent.id === 'integer' ? 'integer' : 'string',
  }
}

export function parseEnumKind(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
  place: { readonly inArray: boolean; readonly modifiers: DeclaredModifiers },
): ParsedKind | undefined {
  const values = spec['enum']
  if (!Array.isArray(values) || values.length === 0 || !isJsonValue(values)) {
    report(ctx.issues, childPath(path, 'enum'), 'must be a non-empty array of JSON values')
    return undefined
  }
  const distinct = new Set(values.map((value) => JSON.stringify(value))).size
  // Unique across the items holds at the top level and in nested objects, not inside arrays.
  if (place.modifiers.unique && !place.inArray && distinct < ctx.count) {
    const message = `cannot be unique: ${distinct} distinct values for ${ctx.count} items`
    report(ctx.issues, childPath(path, 'unique'), message)
    return undefined
  }
  return {
    kind: { kind: 'enum', values },
    inferred: commonJsonType(values.map((value: JsonValue) => jsonTypeOf(value))),
  }
}

export function parseValueKind(
  spec: Record<string, unknown>,
  path: string,
  ctx: ParseContext,
  modifiers: DeclaredModifiers,
): ParsedKind | undefined {
  const value = spec['value']
  if (!isJsonValue(value)) {
    report(ctx.issues, childPath(path, 'value'), 'must be a JSON value')
    return undefined
  }
  if (modifiers.unique) {
    report(ctx.issues, childPath(path, 'unique'), 'a constant "value" cannot be unique')
    return undefined
  }
  return { kind: { kind: 'value', value }, inferred: jsonTypeOf(value) }
}
