import type { Faker } from '@faker-js/faker'
import type { Id } from '../json.ts'
import type { IdStrategy } from '../schema/types.ts'

/** The ids of a plural resource's items: 1..count, or seeded uuids / nanoids. */
export function generateIds(strategy: IdStrategy, count: number, faker: Faker): Id[] {
  switch (strategy) {
    case 'integer':
      return Array.from({ length: count }, (_, index) => index + 1)
    case 'uuid':
      return Array.from({ length: count }, () => faker.string.uuid())
    case 'nanoid':
      return Array.from({ length: count }, () => faker.string.nanoid())
  }
}
