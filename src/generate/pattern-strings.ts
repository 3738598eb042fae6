import type { Faker } from '@faker-js/faker'

const ESCAPED_PUNCTUATION = /[-!@#$&()`.+,/"]/

/**
 * A string made for a JSON Schema pattern with faker's `helpers.fromRegExp`, which knows literal
 * text, `.`, character classes and quantifiers but not `\d`, `\w`, escapes, groups or anchors.
 * Those it can be told another way are rewritten first; the caller checks what comes out.
 */
export function fromPattern(faker: Faker, pattern: string): string {
  return faker.helpers.fromRegExp(forFromRegExp(pattern))
}

function forFromRegExp(pattern: string): string {
  let text = pattern.startsWith('^') ? pattern.slice(1) : pattern
  if (text.endsWith('$') && !text.endsWith('\\$')) text = text.slice(0, -1)
  let out = ''
  let inClass = false
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (char === '\\' && index + 1 < text.length) {
      const next = text.charAt(++index)
      out += inClass ? `\\${next}` : escapeOutsideClass(next)
      continue
    }
    if (char === '[') inClass = true
    else if (char === ']') inClass = false
    out += char
  }
  return out
}

function escapeOutsideClass(char: string): string {
  if (char === 'd') return '[0-9]'
  if (char === 'w') return '[a-zA-Z0-9_]'
  // fromRegExp reads these as literals inside a class, and keeps the backslash outside one.
  if (ESCAPED_PUNCTUATION.test(char)) return `[${char}]`
  return `\\${char}`
}
