import { UserError } from './errors.ts'

/** Where and why a text is not JSON. */
export type JsonSyntaxError = { readonly offset: number; readonly reason: string }

type State = 'value' | 'firstValue' | 'nextValue' | 'firstKey' | 'nextKey' | 'after'

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const NUMBER_LIKE = /[-+.\w]+/y
const WORD = /[A-Za-z_$][\w$]*/y
const SPACE = /[ \t\n\r]*/y

/**
 * Parses JSON text, turning a syntax error into one message with file, line and column (found by
 * scanning the text, so it does not depend on the engine's error message). A leading BOM is ignored.
 */
export function parseJsonText(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  try {
    return JSON.parse(source)
  } catch (error) {
    const found = findJsonError(source) ?? fromEngine(source, error)
    const { line, column } = lineColumn(source, found.offset)
    throw new UserError(`${file}:${line}:${column}: invalid JSON: ${found.reason}`, [], {
      cause: error,
    })
  }
}

/** The first syntax error in `text` (RFC 8259), or `undefined` when it is valid JSON. */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  const closers: ('}' | ']')[] = []
  let state: State = 'value'
  let pos = 0
  let lastComma = 0
  const fail = (reason: string, offset = pos): JsonSyntaxError => ({ offset, reason })
  for (;;) {
    SPACE.lastIndex = pos
    SPACE.exec(text)
    pos = SPACE.lastIndex
    const char = text[pos]
    if (char === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
      return fail('comments are not allowed in JSON')
    }
    if (state === 'after') {
      const closer = closers.at(-1)
      if (closer === undefined) {
        return char === undefined
          ? undefined
          : fail(`unexpected ${show(char)} after the JSON value`)
      }
      if (char === undefined) return fail(`unexpected end of file (missing "${closer}")`)
      if (char === closer) closers.pop()
      else if (char === ',') {
        lastComma = pos
        state = closer === '}' ? 'nextKey' : 'nextValue'
      } else return fail(`expected "," or "${closer}" but found ${show(char)}`)
      pos++
    } else if (state === 'firstKey' || state === 'nextKey') {
      if (char === '}') {
        if (state === 'nextKey') return fail('trailing comma before "}"', lastComma)
        closers.pop()
        state = 'after'
        pos++
        continue
      }
      if (char !== '"') return fail(keyProblem(char))
      const string = scanString(text, pos)
      if (typeof string !== 'number') return string
      SPACE.lastIndex = string
      SPACE.exec(text)
      pos = SPACE.lastIndex
      const colon = text[pos]
      if (colon !== ':') {
        return fail(`expected ":" after the property name but found ${show(colon)}`)
      }
      pos++
      state = 'value'
    } else {
      if (char === ']' && state !== 'value') {
        if (state === 'nextValue') return fail('trailing comma before "]"', lastComma)
        closers.pop()
        state = 'after'
        pos++
        continue
      }
      const end = scanValue(text, pos, closers)
      if (typeof end !== 'number') return end
      state = text[pos] === '{' ? 'firstKey' : text[pos] === '[' ? 'firstValue' : 'after'
      pos = end
    }
  }
}

// Scans one scalar, or opens a container; returns where scanning continues
function scanValue(text: string, pos: number, closers: ('}' | ']')[]): number | JsonSyntaxError {
  const char = text[pos]
  if (char === undefined) {
    const reason = text.trim() === '' ? 'the file is empty' : 'unexpected end of file'
    return { offset: text.trim() === '' ? 0 : pos, reason }
  }
  if (char === '{' || char === '[') {
    closers.push(char === '{' ? '}' : ']')
    return pos + 1
  }
  if (char === '"') return scanString(text, pos)
  if (char === "'") return { offset: pos, reason: 'strings must use double quotes' }
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = pos
    NUMBER_LIKE.lastIndex = pos
    const valid = NUMBER.exec(text)?.[0]
    const written = NUMBER_LIKE.exec(text)?.[0] ?? char
    if (valid === written) return pos + written.length
    return { offset: pos, reason: `invalid number ${show(written)}` }
  }
  WORD.lastIndex = pos
  const word = WORD.exec(text)?.[0]
  if (word === 'true' || word === 'false' || word === 'null') return pos + word.length
  if (word !== undefined) return { offset: pos, reason: `invalid value ${show(word)}` }
  return { offset: pos, reason: `unexpected ${show(char)}` }
}

function scanString(text: string, start: number): number | JsonSyntaxError {
  for (let pos = start + 1; pos < text.length; pos++) {
    const code = text.charCodeAt(pos)
    if (code === 0x22) return pos + 1
    if (code === 0x5c) {
      const escape = text[pos + 1]
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) pos += 5
      else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) pos++
      else return { offset: pos, reason: `invalid escape ${show(text.slice(pos, pos + 2))}` }
    } else if (code === 0x0a || code === 0x0d) {
      return { offset: pos, reason: 'line break inside a string (missing closing quote?)' }
    } else if (code < 0x20) {
      return { offset: pos, reason: 'control character inside a string' }
    }
  }
  return { offset: start, reason: 'unterminated string' }
}

function keyProblem(char: string | undefined): string {
  if (char === undefined) return 'unexpected end of file'
  if (char === "'") return 'property names must use double quotes'
  return `expected a property name in double quotes but found ${show(char)}`
}

function show(text: string | undefined): string {
  return text === undefined ? 'the end of the file' : JSON.stringify(text)
}

function fromEngine(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error)
  const position = /at position (\d+)/.exec(message)?.[1]
  return {
    offset: position === undefined ? text.length : Number(position),
    reason: message.replace(/\s*in JSON at position \d+.*$/s, ''),
  }
}

/** 1-based line and column of `offset`; columns count code points, CRLF is one line break. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let column = 1
  for (let index = 0; index < offset && index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++
      column = 1
    } else if (code !== 0x0d && !(code >= 0xd800 && code < 0xdc00)) {
      column++
    }
  }
  return { line, column }
}
