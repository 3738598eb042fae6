import { describe, expect, it } from 'vitest'
import { advanceCounter, nanoid, nextIntegerId, textIds } from '../../src/store/next-id.ts'

describe('ids', () => {
  it('nanoid gives 21 URL-safe characters, spread over the whole alphabet', () => {
    const seen = new Set<string>()
    for (let n = 0; n < 200; n++) {
      const id = nanoid()
      expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/)
      for (const char of id) seen.add(char)
    }
    expect(seen.size).toBe(64)
  })

  it.each([
    [[], 1],
    [[{ id: 3 }, { id: 10 }, { id: 2 }], 11],
    [[{ id: 'x' }, { id: 2.5 }, { id: -4 }], 1],
    [[{ id: '12' }, { id: 3 }, { title: 'no id' }], 13],
    [[{ id: '012' }, { id: '1e3' }, { id: '99999999999999999999' }], 1],
  ])('nextIntegerId(%j) is %i', (rows, next) => {
    expect(nextIntegerId(rows, 'id')).toBe(next)
  })

  it.each([
    [5, 9, 10],
    [5, 2, 5],
    [5, 'z', 5],
    [5, 7.5, 5],
    [5, '8', 9],
  ])('advanceCounter(%i, %j) is %i', (counter, id, next) => {
    expect(advanceCounter(counter, id)).toBe(next)
  })

  it.each([
    [[], false],
    [[{ id: 1 }, { id: '2' }, { title: 'no id' }], true],
    [[{ id: '1' }, { id: 2 }], false],
  ])('textIds(%j) is %s', (rows, text) => {
    expect(textIds(rows, 'id')).toBe(text)
  })
})
