import { compileRe2, type TextTest } from '../regex.ts'
import type { Invalid } from './coerce.ts'

export type { TextTest } from '../regex.ts'

/** A case-insensitive, unanchored regular-expression test (`_like`) on the linear-time RE2 engine. */
export function compileRegex(pattern: string): TextTest | Invalid {
  return compileRe2(pattern, { ignoreCase: true })
}
