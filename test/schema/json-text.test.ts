import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { findJsonError, lineColumn, parseJsonText } from '../../src/json-text.ts'
import { thrownBy } from './helpers.ts'

function messageFor(text: string): string | undefined {
  const error = thrownBy(() => parseJsonText(text, 'db.json'))
  return error instanceof UserError ? error.message : undefined
}

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,true,null,"x"]}', 'f.json')).toEqual({ a: [1, true, null, 'x'] })
  })

  it('ignores a leading byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}', 'f.json')).toEqual({ a: 1 })
  })

  it.each([
    ['empty file', '', 'db.json:1:1: invalid JSON: the file is empty'],
    ['only whitespace', '  \n  ', 'db.json:1:1: invalid JSON: the file is empty'],
    [
      'bad literal (no position from V8 20)',
      '{"a":tru}',
      'db.json:1:6: invalid JSON: invalid value "tru"',
    ],
    [
      'trailing comma in object',
      '{\n  "a": 1,\n}',
      'db.json:2:9: invalid JSON: trailing comma before "}"',
    ],
    ['trailing comma in array', '[1, 2, ]', 'db.json:1:6: invalid JSON: trailing comma before "]"'],
    [
      'missing colon',
      '{\n  "a" 1\n}',
      'db.json:2:7: invalid JSON: expected ":" after the property name but found "1"',
    ],
    [
      'missing comma',
      '{"a": 1\n "b": 2}',
      'db.json:2:2: invalid JSON: expected "," or "}" but found "\\""',
    ],
    [
      'missing comma in array',
      '[1 2]',
      'db.json:1:4: invalid JSON: expected "," or "]" but found "2"',
    ],
    ['unterminated string', '{"a": "abc', 'db.json:1:7: invalid JSON: unterminated string'],
    [
      'line break in string',
      '{"a": "ab\ncd"}',
      'db.json:1:10: invalid JSON: line break inside a string (missing closing quote?)',
    ],
    [
      'unclosed object',
      '{"a": [1, 2]',
      'db.json:1:13: invalid JSON: unexpected end of file (missing "}")',
    ],
    [
      'unquoted key',
      '{a: 1}',
      'db.json:1:2: invalid JSON: expected a property name in double quotes but found "a"',
    ],
    [
      'single-quoted key',
      "{'a': 1}",
      'db.json:1:2: invalid JSON: property names must use double quotes',
    ],
    [
      'single-quoted string',
      '{"a": \'x\'}',
      'db.json:1:7: invalid JSON: strings must use double quotes',
    ],
    [
      'comment',
      '{\n  // note\n  "a": 1\n}',
      'db.json:2:3: invalid JSON: comments are not allowed in JSON',
    ],
    ['leading zero', '{"n": 012}', 'db.json:1:7: invalid JSON: invalid number "012"'],
    ['bare minus', '[-]', 'db.json:1:2: invalid JSON: invalid number "-"'],
    ['NaN', '[NaN]', 'db.json:1:2: invalid JSON: invalid value "NaN"'],
    ['bad escape', '["a\\x"]', 'db.json:1:4: invalid JSON: invalid escape "\\\\x"'],
    [
      'text after the value',
      '{"a":1}}',
      'db.json:1:8: invalid JSON: unexpected "}" after the JSON value',
    ],
    ['two values', '{} {}', 'db.json:1:4: invalid JSON: unexpected "{" after the JSON value'],
    [
      'CRLF line breaks',
      '{\r\n"a": 1,\r\n}',
      'db.json:2:7: invalid JSON: trailing comma before "}"',
    ],
    ['astral characters count once', '["😀😀", x]', 'db.json:1:8: invalid JSON: invalid value "x"'],
    ['BOM then error', '\uFEFF{"a":}', 'db.json:1:6: invalid JSON: unexpected "}"'],
  ])('%s', (_, text, expected) => {
    expect(messageFor(text)).toBe(expected)
  })

  it('keeps the engine error as the cause', () => {
    const error = thrownBy(() => parseJsonText('{', 'x.json'))
    expect((error as Error).cause).toBeInstanceOf(SyntaxError)
  })
})

describe('findJsonError', () => {
  it.each([
    '{}',
    '[]',
    '0',
    '-1.5e+10',
    '"\\u00e9\\n"',
    ' {"a": [1, {"b": null}], "c": true} ',
    '[[[[[]]]]]',
  ])('accepts %s', (text) => {
    expect(JSON.parse(text)).toBeDefined()
    expect(findJsonError(text)).toBeUndefined()
  })

  it('agrees with JSON.parse on deep nesting', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    expect(findJsonError(deep)).toBeUndefined()
    expect(findJsonError(deep.slice(0, -1))).toEqual({
      offset: 9999,
      reason: 'unexpected end of file (missing "]")',
    })
  })
})

describe('lineColumn', () => {
  it.each([
    ['abc', 0, { line: 1, column: 1 }],
    ['abc', 2, { line: 1, column: 3 }],
    ['a\nbc', 3, { line: 2, column: 2 }],
    ['a\r\nbc', 4, { line: 2, column: 2 }],
    ['a\rbc', 3, { line: 2, column: 2 }],
  ])('%j at %i', (text, offset, expected) => {
    expect(lineColumn(text, offset)).toEqual(expected)
  })
})
