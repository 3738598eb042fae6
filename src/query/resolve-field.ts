import type { FieldSpec, Fields, JsonType, ResourceSpec } from '../schema/types.ts'
import { closest } from '../schema/suggest.ts'
import { type Invalid } from './coerce.ts'
import { isIndex } from './get-path.ts'
import { quote } from './query-error.ts'
import type { CompareAs } from './types.ts'

export type FieldInfo = {
  readonly compareAs: CompareAs
  readonly nullable: boolean
  /** The field's type for messages. */
  readonly type: string
}

/** Resolves a (dotted) field path on a resource with fields; array elements by numeric segment. */
export function resolveField(
  path: readonly string[],
  resource: ResourceSpec,
  fields: Fields,
): FieldInfo | Invalid {
  const [head, ...rest] = path
  const { idKey } = resource
  if (head === idKey && !fields.has(idKey)) {
    if (rest.length > 0) return unknownField(path, 2, [])
    const type: JsonType = resource.id === 'integer' ? 'integer' : 'string'
    return { compareAs: compareAsOf(type), nullable: false, type }
  }
  let spec: FieldSpec | undefined
  for (const [index, key] of path.entries()) {
    if (spec?.kind === 'array' && isIndex(key)) {
      spec = spec.of
      continue
    }
    const level = spec === undefined ? fields : spec.kind === 'object' ? spec.fields : undefined
    const next = level?.get(key)
    if (next === undefined) {
      const candidates = level === undefined ? [] : [...level.keys()]
      return unknownField(path, index + 1, index === 0 ? [idKey, ...candidates] : candidates)
    }
    spec = next
  }
  if (spec === undefined) return unknownField(path, 1, [idKey, ...fields.keys()])
  // A filter on an array field tests its elements.
  let element: FieldSpec = spec
  while (element.kind === 'array') element = element.of
  const type = element.valueType
  return {
    compareAs: compareAsOf(type),
    nullable: spec.nullable || element.nullable,
    type: type ?? 'mixed',
  }
}

function compareAsOf(type: JsonType | undefined): CompareAs {
  if (type === 'integer' || type === 'number') return 'number'
  if (type === 'string' || type === 'boolean') return type
  return 'loose'
}

/** `unknown field "address.cty" (did you mean "address.city"?)`, naming the path up to the bad key. */
export function unknownField(
  path: readonly string[],
  upTo: number,
  candidates: readonly string[],
): Invalid {
  const shown = path.slice(0, upTo)
  const last = shown.at(-1) ?? ''
  const guess = last.length <= 64 ? closest(last, candidates) : undefined
  const hint =
    guess === undefined ? '' : ` (did you mean ${quote([...shown.slice(0, -1), guess].join('.'))}?)`
  return { error: `unknown field ${quote(shown.join('.'))}${hint}` }
}
