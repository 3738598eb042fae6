import type { Faker } from '@faker-js/faker'

/**
 * Makes `faker.lorem.word()` without options pick from the locale's word list itself. Faker 10
 * copies the whole list (999 English words) before every pick, and words, sentences, lines and
 * paragraphs all pick word by word: some 50,000 copies at scale 1 of data/jsonplaceholder.json.
 * Measured: 5,000 titles of 3-10 words took 34 ms instead of 11, and `fauxrest generate` of that
 * schema 0.85x the wall time. The pick draws the same number from the same seed, so the data do
 * not change; test/generate/reuse-word-list.test.ts compares it with faker's own on every method
 * built on it. Calls with options (a length, a strategy) still go to faker's own method.
 */
export function reuseWordList(faker: Faker): void {
  const words = faker.definitions.lorem.word
  const own = faker.lorem.word
  faker.lorem.word = (options) =>
    options === undefined ? faker.helpers.arrayElement(words) : own(options)
}
