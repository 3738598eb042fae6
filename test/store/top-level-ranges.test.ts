import { describe, expect, it } from 'vitest'
import { topLevelRanges } from '../../src/node/top-level-ranges.ts'

const texts = (json: string) =>
  Object.fromEntries(
    [...topLevelRanges(Buffer.from(json))].map(([name, bytes]) => [
      name,
      Buffer.from(bytes).toString('utf8'),
    ]),
  )

describe('topLevelRanges', () => {
  it.each([
    ['{}', {}],
    [' { } ', {}],
    ['{"a":1}', { a: '1' }],
    ['{"a":-1.5e3 , "b":true,"c":null}', { a: '-1.5e3', b: 'true', c: 'null' }],
    ['{\n  "a": [\n    1\n  ],\n  "b": {}\n}\n', { a: '[\n    1\n  ]', b: '{}' }],
    ['{"a":"x\\"}{[","b":[{"c":"]"}]}', { a: '"x\\"}{["', b: '[{"c":"]"}]' }],
    ['{"a":"\\\\","b":["\\\\\\""]}', { a: '"\\\\"', b: '["\\\\\\""]' }],
    ['{"k\\u00e9y":"\u4e2d\u00e9","b":[{}]}', { 'k\u00e9y': '"\u4e2d\u00e9"', b: '[{}]' }],
    ['{"a":1,"a":[2]}', { a: '[2]' }],
    ['{\r\n\t"a" :\t{"x":[1,{"y":"}"}]}\r\n}', { a: '{"x":[1,{"y":"}"}]}' }],
  ])('%j', (json, expected) => {
    expect(texts(json)).toEqual(expected)
    for (const text of Object.values(expected)) expect(() => JSON.parse(text)).not.toThrow()
  })
})
