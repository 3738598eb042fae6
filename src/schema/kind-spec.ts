import type { FieldSpec, Modifiers } from './types.ts'

/** A field spec without its modifiers: the part each kind contributes. */
export type KindSpec = FieldSpec extends infer Spec
  ? Spec extends unknown
    ? Omit<Spec, keyof Modifiers>
    : never
  : never
