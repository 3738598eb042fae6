/** The keys each level of a schema document accepts; the shipped JSON Schema is tested against these. */
export const TOP_LEVEL_KEYS = ['$schema', 'seed', 'resources'] as const
export const RESOURCE_KEYS = ['count', 'singular', 'id', 'fields'] as const

/** Exactly one of these makes an object a field spec rather than a nested object. */
export const FIELD_KINDS = ['faker', 'ref', 'enum', 'array', 'value', 'object'] as const
export type SpecKind = (typeof FIELD_KINDS)[number]

export const COMMON_MODIFIERS = ['type', 'optional', 'nullable', 'unique', 'default'] as const

/** Modifiers that only one kind takes. */
export const KIND_MODIFIERS = {
  args: 'faker',
  min: 'array',
  max: 'array',
  onDelete: 'ref',
} as const satisfies Record<string, SpecKind>

export const FIELD_SPEC_KEYS: readonly string[] = [
  ...FIELD_KINDS,
  ...COMMON_MODIFIERS,
  ...Object.keys(KIND_MODIFIERS),
]

export const MAX_COUNT = 10_000_000
export const MAX_ARRAY_LENGTH = 1000
export const DEFAULT_COUNT = 10
export const DEFAULT_ARRAY_MIN = 1
export const DEFAULT_ARRAY_MAX = 5
export const DEFAULT_SEED = 1
export const MAX_DEPTH = 32

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value)
}
