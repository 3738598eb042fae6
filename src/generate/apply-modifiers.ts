import { UserError } from '../errors.ts'
import type { FieldSpec, JsonType } from '../schema/types.ts'
import type { CompileContext, FieldSite, Gen } from './compile-context.ts'
import { withConstraints } from './constrain.ts'
import { convertType } from './convert-type.ts'

/** Consecutive duplicates tolerated before a `unique` field is declared exhausted. */
export const UNIQUE_ATTEMPTS = 100
const ONE_IN_FOUR = 0.25

function withType(gen: Gen, type: JsonType, ctx: CompileContext, site: FieldSite): Gen {
  return (index) => {
    const value = gen(index)
    if (value === undefined || value === null) return value
    const converted = convertType(value, type)
    if (converted === undefined) {
      throw new UserError(
        `Cannot generate ${ctx.resource}.${site.path}: the value ${JSON.stringify(value)} cannot be converted to ${type}.`,
      )
    }
    return converted
  }
}

function withUnique(gen: Gen, ctx: CompileContext, site: FieldSite): Gen {
  // Primitives and serialised composites apart, so the string "[1]" and the array [1] differ.
  const primitives = new Set<unknown>()
  const composites = new Set<unknown>()
  site.scope.seen.push(primitives, composites)
  return (index) => {
    for (let attempt = 0; attempt < UNIQUE_ATTEMPTS; attempt++) {
      const value = gen(index)
      if (value === undefined || value === null) return value
      if (typeof value === 'object') {
        const key = JSON.stringify(value)
        if (!composites.has(key)) {
          composites.add(key)
          return value
        }
      } else if (!primitives.has(value)) {
        primitives.add(value)
        return value
      }
    }
    const found = primitives.size + composites.size
    const where = site.inArray ? ' within one array' : ''
    throw new UserError(
      `Cannot generate ${ctx.resource}.${site.path}: ${site.needed} unique values are needed${where}, ` +
        `but after ${found} of them ${UNIQUE_ATTEMPTS} attempts in a row gave only duplicates. ` +
        'Give the field a wider range of values or remove "unique".',
    )
  }
}

/**
 * Wraps a field's generator with its modifiers. Random draws happen in a fixed order
 * (absent?, null?, value), so the same seed always gives the same data.
 */
export function applyModifiers(
  base: Gen,
  modifiers: FieldSpec,
  ctx: CompileContext,
  site: FieldSite,
): Gen {
  const { faker } = ctx
  let gen = base
  if (modifiers.typeDeclared && modifiers.valueType !== undefined) {
    gen = withType(gen, modifiers.valueType, ctx, site)
  }
  // Enum values and constants were checked against the constraints with the schema; arrays keep
  // their own while they are built.
  const { constraints } = modifiers
  if (constraints !== undefined && (modifiers.kind === 'faker' || modifiers.kind === 'template')) {
    gen = withConstraints(gen, constraints, modifiers.valueType, ctx, site)
  }
  if (modifiers.unique) gen = withUnique(gen, ctx, site)
  if (modifiers.nullable) {
    const inner = gen
    gen = (index) => (faker.number.float() < ONE_IN_FOUR ? null : inner(index))
  }
  if (modifiers.optional) {
    const inner = gen
    gen = (index) => (faker.number.float() < ONE_IN_FOUR ? undefined : inner(index))
  }
  return gen
}
