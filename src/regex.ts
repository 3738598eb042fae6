import { RE2JS, RE2JSSyntaxException } from 're2js'

/** Longer patterns are refused: matching is linear in the text, but compiling grows with the pattern. */
export const MAX_PATTERN_LENGTH = 1000

export type TextTest = (text: string) => boolean

// Patterns compiled lately, oldest out first: `_like` queries repeat, and a schema's patterns are
// checked on every write.
const compiled = new Map<string, TextTest | { readonly error: string }>()
const MAX_COMPILED = 256

/**
 * An unanchored regular-expression test on the linear-time RE2 engine, so no pattern can make
 * matching backtrack for ever (and none is turned into code, which workerd forbids).
 */
export function compileRe2(
  pattern: string,
  options: { readonly ignoreCase: boolean },
): TextTest | { readonly error: string } {
  const key = `${options.ignoreCase ? 'i' : '-'}${pattern}`
  const known = compiled.get(key)
  if (known !== undefined) return known
  const test = compile(pattern, options.ignoreCase)
  if (compiled.size >= MAX_COMPILED) {
    const [oldest] = compiled.keys()
    if (oldest !== undefined) compiled.delete(oldest)
  }
  compiled.set(key, test)
  return test
}

function compile(pattern: string, ignoreCase: boolean): TextTest | { readonly error: string } {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return { error: `pattern is longer than ${MAX_PATTERN_LENGTH} characters` }
  }
  try {
    const regex = RE2JS.compile(pattern, ignoreCase ? RE2JS.CASE_INSENSITIVE : 0)
    return (text) => regex.test(text)
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException))
      return { error: 'is not a valid regular expression' }
    // The engine quotes the pattern with the case-insensitive flag it prepended.
    const reason = error.message.replace(/^error parsing regexp: /, '').replace('`(?i)', '`')
    return { error: `is not a valid regular expression (${reason})` }
  }
}
