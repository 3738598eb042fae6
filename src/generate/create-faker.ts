import { Faker, base, en } from '@faker-js/faker'

/** Dates are generated relative to this instant, so data do not drift with the wall clock. */
export const DEFAULT_REF_DATE: Date = new Date('2025-01-01T00:00:00.000Z')

/** A private, seeded faker: never the shared global one, whose state other code could move. */
export function createFaker(seed: number, refDate: Date = DEFAULT_REF_DATE): Faker {
  const faker = new Faker({ locale: [en, base], seed })
  // A copy: the caller's Date object could be mutated after this call.
  faker.setDefaultRefDate(new Date(refDate.getTime()))
  return faker
}
