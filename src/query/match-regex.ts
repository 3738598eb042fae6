import { RE2JS, RE2JSSyntaxException } from 're2js'
import type { Invalid } from './coerce.ts'

/** Longer patterns are refused: matching is linear in the text, but compiling grows with the pattern. */
export const MAX_PATTERN_LENGTH = 1000

export type TextTest = (text: string) => boolean

// Patterns compiled lately: a `_like` is checked when the query is parsed and used when it runs,
// and clients repeat their queries. Oldest out first.
const compiled = new Map<string, TextTest | Invalid>()
const MAX_COMPILED = 256

/**
 * A case-insensitive, unanchored regular-expression test (`_like`) on the linear-time RE2 engine,
 * so no pattern can make matching backtrack for ever.
 */
export function compileRegex(pattern: string): TextTest | Invalid {
  const known = compiled.get(pattern)
  if (known !== undefined) return known
  const test = compile(pattern)
  if (compiled.size >= MAX_COMPILED) {
    const [oldest] = compiled.keys()
    if (oldest !== undefined) compiled.delete(oldest)
  }
  compiled.set(pattern, test)
  return test
}

function compile(pattern: string): TextTest | Invalid {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { error: `pattern is longer than ${MAX_PATTERN_LENGTH} characters` }
  }
  try {
    const regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE)
    return (text) => regex.test(text)
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException))
      return { error: 'is not a valid regular expression' }
    // The engine quotes the pattern with the case-insensitive flag it prepended.
    const reason = error.message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`')
    return { error: `is not a valid regular expression (${reason})` }
  }
}
