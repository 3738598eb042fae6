import { UserError } from '../errors.ts'
import type { JsonObject, JsonValue } from '../json.ts'
import type { FieldSpec, Fields } from '../schema/types.ts'
import { jsonKey } from '../validate/same-json.ts'
import { UNIQUE_ATTEMPTS, applyModifiers } from './apply-modifiers.ts'
import type { CompileContext, FieldSite, Gen, UniqueScope } from './compile-context.ts'
import {
  compileEnum,
  compileFakerCall,
  compileRef,
  compileTemplate,
  compileValue,
} from './compile-leaf.ts'

/** One key of a generated object: its name, its generator, and whether plain assignment is safe. */
export type Entry = { readonly key: string; readonly gen: Gen; readonly define: boolean }

export function toEntry(key: string, gen: Gen): Entry {
  // Assigning to `__proto__` would set the prototype instead of creating a key.
  return { key, gen, define: key === '__proto__' }
}

/** Builds an object from entries in order, leaving out absent values. */
export function buildObject(entries: readonly Entry[], index: number): JsonObject {
  const object: JsonObject = {}
  for (const entry of entries) {
    const value = entry.gen(index)
    if (value === undefined) continue
    if (entry.define) {
      Object.defineProperty(object, entry.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      })
    } else {
      object[entry.key] = value
    }
  }
  return object
}

export function compileFields(fields: Fields, ctx: CompileContext, site: FieldSite): Entry[] {
  const entries: Entry[] = []
  for (const [key, spec] of fields) {
    const path = site.path === '' ? key : `${site.path}.${key}`
    entries.push(toEntry(key, compileField(spec, ctx, { ...site, path })))
  }
  return entries
}

function compileArray(
  spec: Extract<FieldSpec, { kind: 'array' }>,
  ctx: CompileContext,
  site: FieldSite,
): Gen {
  const scope: UniqueScope = { seen: [] }
  const of = compileField(spec.of, ctx, {
    path: `${site.path}[]`,
    inArray: true,
    scope,
    needed: spec.max,
  })
  const { faker } = ctx
  const { min, max } = spec
  const { minItems = 0, uniqueItems = false } = spec.constraints ?? {}
  const keeping = minItems > 0 || uniqueItems
  return (index) => {
    for (const seen of scope.seen) seen.clear()
    const length = min === max ? min : faker.number.int({ min, max })
    const array: JsonValue[] = []
    if (keeping)
      return fillKeeping(array, length, () => of(index), { minItems, uniqueItems }, ctx, site)
    for (let i = 0; i < length; i++) {
      const value = of(index)
      if (value !== undefined) array.push(value)
    }
    return array
  }
}

// With `minItems` or `uniqueItems`, absent items and repeats are drawn again rather than left out.
function fillKeeping(
  array: JsonValue[],
  length: number,
  next: () => JsonValue | undefined,
  rules: { readonly minItems: number; readonly uniqueItems: boolean },
  ctx: CompileContext,
  site: FieldSite,
): JsonValue[] {
  const keys = rules.uniqueItems ? new Set<string>() : undefined
  let misses = 0
  while (array.length < length) {
    const value = next()
    const key = keys === undefined || value === undefined ? undefined : jsonKey(value)
    if (value !== undefined && (key === undefined || !keys?.has(key))) {
      array.push(value)
      if (key !== undefined) keys?.add(key)
      misses = 0
      continue
    }
    if (++misses < UNIQUE_ATTEMPTS) continue
    if (array.length >= rules.minItems) break
    throw itemsExhausted(ctx, site, array.length, rules.minItems)
  }
  return array
}

function itemsExhausted(
  ctx: CompileContext,
  site: FieldSite,
  made: number,
  needed: number,
): UserError {
  return new UserError(
    `Cannot generate ${ctx.resource}.${site.path}: arrays need at least ${needed} items, but after ${made} of them ${UNIQUE_ATTEMPTS} attempts in a row gave only repeats or absent items. Give the items a wider range of values or lower "minItems".`,
  )
}

function compileBase(
  spec: Exclude<FieldSpec, { kind: 'ref' }>,
  ctx: CompileContext,
  site: FieldSite,
): Gen {
  switch (spec.kind) {
    case 'faker':
      return compileFakerCall(spec, ctx, site)
    case 'template':
      return compileTemplate(spec.parts, ctx, site)
    case 'enum':
      return compileEnum(spec.values, ctx)
    case 'value':
      return compileValue(spec.value)
    case 'array':
      return compileArray(spec, ctx, site)
    case 'object': {
      const entries = compileFields(spec.fields, ctx, site)
      return (index) => buildObject(entries, index)
    }
  }
}

/** Compiles a field spec once into a generator called for every item. */
export function compileField(spec: FieldSpec, ctx: CompileContext, site: FieldSite): Gen {
  if (spec.kind === 'ref') {
    const ref = compileRef(spec, ctx)
    if (ref !== undefined) return applyModifiers(ref, spec, ctx, site)
    // Nothing to point to (a self-reference, or a parent without items).
    if (spec.nullable) return () => null
    if (spec.optional) return () => undefined
    const reason =
      spec.resource === ctx.resource
        ? 'refers to its own resource'
        : `refers to "${spec.resource}", which has no items`
    throw new UserError(
      `Cannot generate ${ctx.resource}.${site.path}: it ${reason}. Make the field nullable or optional.`,
    )
  }
  return applyModifiers(compileBase(spec, ctx, site), spec, ctx, site)
}
