import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../src/json.ts'
import { jsonKey, sameJson } from '../../src/validate/same-json.ts'

const cases: [JsonValue, JsonValue, boolean][] = [
  [1, 1, true],
  [1, '1', false],
  [null, null, true],
  [null, {}, false],
  [[1, 2], [1, 2], true],
  [[1, 2], [2, 1], false],
  [[1], { 0: 1 }, false],
  [{ a: 1, b: [true] }, { b: [true], a: 1 }, true],
  [{ a: 1 }, { a: 1, b: 2 }, false],
  [{ a: null }, { b: null }, false],
  [{ a: { b: 'x' } }, { a: { b: 'y' } }, false],
]

describe('sameJson and jsonKey', () => {
  it.each(cases)('%j and %j: %s', (a, b, same) => {
    expect(sameJson(a, b)).toBe(same)
    expect(sameJson(b, a)).toBe(same)
    expect(jsonKey(a) === jsonKey(b)).toBe(same)
  })
})
