import type { Faker } from '@faker-js/faker'
import { englishFaker } from './english-faker.ts'
import { fillMultiple } from './fill-multiple.ts'
import { reuseWordList } from './reuse-word-list.ts'

const DEFAULT_REF_TIME = Date.parse('2025-01-01T00:00:00.000Z')

/** Dates are generated relative to this instant, so data do not drift with the wall clock. */
export const DEFAULT_REF_DATE: Date = new Date(DEFAULT_REF_TIME)

/** A private, seeded faker: never the shared global one, whose state other code could move. */
export function createFaker(seed: number, refDate?: Date): Faker {
  const faker = englishFaker(seed)
  // A copy: Date objects are mutable, the exported default included.
  faker.setDefaultRefDate(new Date(refDate?.getTime() ?? DEFAULT_REF_TIME))
  reuseWordList(faker)
  fillMultiple(faker)
  return faker
}
