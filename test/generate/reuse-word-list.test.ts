import type { Faker } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { englishFaker } from '../../src/generate/english-faker.ts'
import { reuseWordList } from '../../src/generate/reuse-word-list.ts'

// Every lorem method that picks words, with and without counts, and word's own options.
const CALLS: readonly ((faker: Faker) => unknown)[] = [
  (faker) => faker.lorem.word(),
  (faker) => faker.lorem.word(5),
  (faker) => faker.lorem.word({ length: { min: 3, max: 6 }, strategy: 'closest' }),
  (faker) => faker.lorem.words(),
  (faker) => faker.lorem.words(7),
  (faker) => faker.lorem.words({ min: 3, max: 10 }),
  (faker) => faker.lorem.sentence(),
  (faker) => faker.lorem.sentence({ min: 1, max: 4 }),
  (faker) => faker.lorem.sentences(),
  (faker) => faker.lorem.lines(4),
  (faker) => faker.lorem.lines(),
  (faker) => faker.lorem.paragraph(),
  (faker) => faker.lorem.paragraphs(2),
  (faker) => faker.lorem.text(),
  (faker) => faker.lorem.slug(),
  // The generator's state afterwards: the same numbers were drawn.
  (faker) => faker.number.int(),
]

function draws(faker: Faker): unknown[] {
  return Array.from({ length: 3 }, () => CALLS.map((call) => call(faker))).flat()
}

describe('reuseWordList', () => {
  it('gives what faker gives, draw for draw, from any seed', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const own = englishFaker(seed)
      const reused = englishFaker(seed)
      reuseWordList(reused)
      expect(draws(reused)).toEqual(draws(own))
    }
  })

  it('picks from the locale word list', () => {
    const faker = englishFaker(3)
    reuseWordList(faker)
    const words = faker.lorem.words(50).split(' ')
    expect(words).toHaveLength(50)
    for (const word of words) expect(faker.definitions.lorem.word).toContain(word)
  })
})
