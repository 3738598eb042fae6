import type { JsonValue } from '../json.ts'
import type { TemplatePart } from './types.ts'

const PLACEHOLDER = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(?:\s*\(([\s\S]*)\))?$/

/**
 * Splits `"Hello {{person.firstName}}"` into literal text and faker calls. Args are written inside
 * parentheses as comma-separated JSON values: `{{number.int({"min":1,"max":9})}}`, `{{lorem.words(3)}}`.
 * Faker paths are not checked here.
 */
export function parseTemplate(text: string): {
  readonly parts: readonly TemplatePart[]
  readonly problems: readonly string[]
} {
  const parts: TemplatePart[] = []
  const problems: string[] = []
  let literal = ''
  let index = 0
  while (index < text.length) {
    const open = text.indexOf('{{', index)
    if (open === -1) {
      literal += text.slice(index)
      break
    }
    literal += text.slice(index, open)
    const close = placeholderEnd(text, open + 2)
    if (close === undefined) {
      problems.push(`unclosed "{{" at character ${open + 1}`)
      break
    }
    const source = text.slice(open, close + 2)
    const call = parsePlaceholder(text.slice(open + 2, close).trim())
    if (typeof call === 'string') problems.push(`${source}: ${call}`)
    else {
      if (literal !== '') parts.push(literal)
      literal = ''
      parts.push(call)
    }
    index = close + 2
  }
  if (literal !== '') parts.push(literal)
  return { parts, problems }
}

// The index of the `}}` closing a placeholder; braces inside the args' parentheses do not count.
function placeholderEnd(text: string, start: number): number | undefined {
  let depth = 0
  let inString = false
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (depth > 0 && char === '"') inString = true
    else if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    else if (depth === 0 && char === '}' && text[index + 1] === '}') return index
  }
  return undefined
}

function parsePlaceholder(inner: string): { path: string; args: JsonValue[] } | string {
  const match = PLACEHOLDER.exec(inner)
  const path = match?.[1]
  if (match === null || path === undefined) {
    return 'expected {{module.method}} or {{module.method(args)}}'
  }
  const argsText = match[2]
  if (argsText === undefined) return { path, args: [] }
  try {
    const args: unknown = JSON.parse(`[${argsText}]`)
    if (Array.isArray(args)) return { path, args: args as JsonValue[] }
  } catch {
    // reported below
  }
  return 'args must be JSON values separated by commas, e.g. {{number.int({"min":1,"max":9})}}'
}
