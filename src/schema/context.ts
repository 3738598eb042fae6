import type { Issue } from '../errors.ts'
import { closest } from './suggest.ts'
import type { FakerCatalog, IdStrategy } from './types.ts'

/** What parsing one resource needs to know about the others (read before any is parsed). */
export type ResourceInfo = { readonly singular: boolean; readonly id: IdStrategy }

export type ParseContext = {
  readonly catalog: FakerCatalog
  readonly resources: ReadonlyMap<string, ResourceInfo>
  /** The resource whose fields are being parsed. */
  readonly resource: string
  readonly count: number
  readonly issues: Issue[]
}

export function report(issues: Issue[], path: string, message: string): void {
  issues.push({ path, message })
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`
}

export function unknownKey(key: string, allowed: readonly string[]): string {
  return `unknown key "${key}"${didYouMean(closest(key, allowed))}`
}

export function quoteList(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(', ')
}

/** `must be one of "a", "b"`, with a suggestion when the value is a near miss. */
export function mustBeOneOf(value: unknown, allowed: readonly string[]): string {
  const hint = typeof value === 'string' ? didYouMean(closest(value, allowed)) : ''
  return `must be one of ${quoteList(allowed)}${hint}`
}
