import { UserError } from '../errors.ts'
import type { JsonValue } from '../json.ts'
import type { FakerCall, FieldSpec, TemplatePart } from '../schema/types.ts'
import { cloneJson } from './clone-json.ts'
import type { CompileContext, FieldSite, Gen } from './compile-context.ts'
import { fakerMethod, toJsonValue } from './faker-catalog.ts'

// Strings, by far the most common result, need no conversion.
function json(value: unknown): JsonValue {
  return typeof value === 'string' ? value : toJsonValue(value)
}

type Spec<K extends FieldSpec['kind']> = Extract<FieldSpec, { kind: K }>

/** A faker call with its arguments bound, returning JSON. */
export function compileFakerCall(
  call: FakerCall,
  ctx: CompileContext,
  site: FieldSite,
): () => JsonValue {
  const method = fakerMethod(ctx.faker, call.path)
  if (method === undefined) {
    throw new UserError(
      `Cannot generate ${ctx.resource}.${site.path}: "${call.path}" is not a faker method.`,
    )
  }
  // A private copy: a faker method that changed its options object must not change the schema.
  const args = structuredClone(call.args) as JsonValue[]
  if (args.length === 0) return () => json(method())
  return () => json(method(...args))
}

function stringify(value: JsonValue): string {
  if (typeof value === 'string') return value
  return value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value)
}

export function compileTemplate(
  parts: readonly TemplatePart[],
  ctx: CompileContext,
  site: FieldSite,
): Gen {
  const pieces = parts.map((part) => {
    if (typeof part === 'string') return part
    const call = compileFakerCall(part, ctx, site)
    return () => stringify(call())
  })
  return () => {
    let text = ''
    for (const piece of pieces) text += typeof piece === 'string' ? piece : piece()
    return text
  }
}

function isPrimitive(value: JsonValue): boolean {
  return value === null || typeof value !== 'object'
}

export function compileEnum(values: readonly JsonValue[], ctx: CompileContext): Gen {
  const { faker } = ctx
  if (values.every(isPrimitive)) return () => faker.helpers.arrayElement(values)
  return () => cloneJson(faker.helpers.arrayElement(values))
}

export function compileValue(value: JsonValue): Gen {
  return isPrimitive(value) ? () => value : () => cloneJson(value)
}

/**
 * A foreign key (only at the top level of a resource). Items are spread evenly over the parents in
 * contiguous blocks (item i of N over P parents gets parent floor(i * P / N)). `undefined` when
 * there is no parent to point to: the caller makes it null or absent.
 */
export function compileRef(spec: Spec<'ref'>, ctx: CompileContext): Gen | undefined {
  const ids = spec.resource === ctx.resource ? [] : ctx.parentIds(spec.resource)
  if (ids.length === 0) return undefined
  const parents = ids.length
  const children = Math.max(ctx.count, 1)
  return (index) => ids[Math.floor((index * parents) / children)] ?? null
}
