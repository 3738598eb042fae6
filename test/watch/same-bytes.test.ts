import { describe, expect, it } from 'vitest'
import { sameBytes } from '../../src/watch/same-bytes.ts'

const b = (text: string) => Buffer.from(text)

describe('sameBytes', () => {
  it.each([
    ['one piece', 'abc', ['abc'], true],
    ['several pieces', 'abcdef', ['ab', '', 'cde', 'f'], true],
    ['no pieces, no bytes', '', [], true],
    ['no pieces, some bytes', 'a', [], false],
    ['shorter', 'abc', ['abcd'], false],
    ['longer', 'abcd', ['ab', 'c'], false],
    ['same length, other bytes', 'abd', ['ab', 'c'], false],
  ])('%s', (_, bytes, pieces, expected) => {
    expect(sameBytes(b(bytes), pieces.map(b))).toBe(expected)
  })
})
