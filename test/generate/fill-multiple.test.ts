import type { Faker } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { englishFaker } from '../../src/generate/english-faker.ts'
import { fillMultiple } from '../../src/generate/fill-multiple.ts'

type Count = NonNullable<Parameters<Faker['helpers']['multiple']>[1]>['count']

// Whole counts, ranges (one draw each), the default, and what Array.from rounds or empties.
const COUNTS: readonly (Count | undefined)[] = [
  undefined,
  0,
  1,
  4,
  { min: 0, max: 6 },
  { min: 2, max: 2 },
  2.7,
  -1,
  Number.NaN,
]

function draws(faker: Faker): unknown[] {
  return COUNTS.map((count) => [
    faker.helpers.multiple(
      (value, index) => `${String(value)}-${index}-${faker.number.int(99)}`,
      count === undefined ? undefined : { count },
    ),
    faker.lorem.words({ min: 1, max: 5 }),
    faker.string.fromCharacters('abc', { min: 1, max: 4 }),
  ])
}

describe('fillMultiple', () => {
  it('gives what faker gives, draw for draw, from any seed', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const own = englishFaker(seed)
      const filled = englishFaker(seed)
      fillMultiple(filled)
      expect(draws(filled)).toEqual(draws(own))
      expect(filled.number.int()).toBe(own.number.int())
    }
  })

  it('calls the method with no value and the index, in order', () => {
    const faker = englishFaker(1)
    fillMultiple(faker)
    const calls: unknown[] = []
    const items = faker.helpers.multiple(
      (value, index) => {
        calls.push([value, index])
        return index * 2
      },
      { count: 3 },
    )
    expect(items).toEqual([0, 2, 4])
    expect(calls).toEqual([
      [undefined, 0],
      [undefined, 1],
      [undefined, 2],
    ])
  })
})
