import { describe, expect, it } from 'vitest'
import { convertType } from '../../src/generate/convert-type.ts'
import type { JsonValue } from '../../src/json.ts'
import type { JsonType } from '../../src/schema/types.ts'

describe('convertType', () => {
  it.each<[JsonValue, JsonType, JsonValue | undefined]>([
    ['abc', 'string', 'abc'],
    [-37.3159, 'string', '-37.3159'],
    [true, 'string', 'true'],
    [[1, 'a'], 'string', '[1,"a"]'],
    [null, 'string', undefined],
    [' 3.5 ', 'number', 3.5],
    ['-0', 'number', 0],
    [false, 'number', 0],
    ['abc', 'number', undefined],
    ['', 'number', undefined],
    ['Infinity', 'number', undefined],
    [{}, 'number', undefined],
    [2.5, 'integer', 3],
    [-0.4, 'integer', 0],
    ['41.7', 'integer', 42],
    [true, 'integer', 1],
    ['x', 'integer', undefined],
    [true, 'boolean', true],
    [0, 'boolean', false],
    [3, 'boolean', true],
    [' TRUE ', 'boolean', true],
    ['0', 'boolean', false],
    ['maybe', 'boolean', undefined],
    ['x', 'null', null],
    [{ a: 1 }, 'object', { a: 1 }],
    [[1], 'object', undefined],
    [[1], 'array', [1]],
    ['1', 'array', undefined],
  ])('%j to %s gives %j', (value, type, expected) => {
    // toEqual tells -0 from 0, so '-0' -> 0 is checked exactly.
    expect(convertType(value, type)).toEqual(expected)
  })
})
