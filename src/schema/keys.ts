/** The keys each level of a schema document accepts; the shipped JSON Schema is tested against these. */
export const TOP_LEVEL_KEYS = ['$schema', 'seed', 'resources', 'openapi', 'auth'] as const
export const RESOURCE_KEYS = ['count', 'singular', 'id', 'fields', 'access'] as const

/** Exactly one of these makes an object a field spec rather than a nested object. */
export const FIELD_KINDS = ['faker', 'ref', 'enum', 'array', 'value', 'object'] as const
export type SpecKind = (typeof FIELD_KINDS)[number]

export const COMMON_MODIFIERS = ['type', 'optional', 'nullable', 'unique', 'default'] as const

export const STRING_CONSTRAINTS = ['minLength', 'maxLength', 'pattern'] as const
export const NUMBER_CONSTRAINTS = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
] as const
/** Constraints on strings and numbers (JSON Schema's names): for faker, template, enum and value fields. */
export const VALUE_CONSTRAINTS = [...STRING_CONSTRAINTS, 'format', ...NUMBER_CONSTRAINTS] as const
export type ValueConstraint = (typeof VALUE_CONSTRAINTS)[number]

/** The kinds whose values are not the field's own: a ref holds ids, arrays and objects have parts. */
export const UNCONSTRAINED_KINDS: readonly SpecKind[] = ['ref', 'array', 'object']

/** Modifiers that only one kind takes. */
export const KIND_MODIFIERS = {
  args: 'faker',
  min: 'array',
  max: 'array',
  minItems: 'array',
  maxItems: 'array',
  uniqueItems: 'array',
  onDelete: 'ref',
} as const satisfies Record<string, SpecKind>

export const FIELD_SPEC_KEYS: readonly string[] = [
  ...FIELD_KINDS,
  ...COMMON_MODIFIERS,
  ...VALUE_CONSTRAINTS,
  ...Object.keys(KIND_MODIFIERS),
]

export const MAX_COUNT = 10_000_000
export const MAX_ARRAY_LENGTH = 1000
export const DEFAULT_COUNT = 10
export const DEFAULT_ARRAY_MIN = 1
export const DEFAULT_ARRAY_MAX = 5
export const DEFAULT_SEED = 1
export const MAX_DEPTH = 32
/** The longest `minLength`: generated strings are padded up to it. */
export const MAX_MIN_LENGTH = 100_000

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}
