import type { Faker } from '@faker-js/faker'
import type { Format } from '../schema/types.ts'

/** A string of a string format, made with faker; `undefined` for number formats. */
export function formatString(faker: Faker, format: Format): string | undefined {
  switch (format) {
    case 'date-time':
      return faker.date.anytime().toISOString()
    case 'date':
      return faker.date.anytime().toISOString().slice(0, 10)
    case 'time':
      return `${faker.date.anytime().toISOString().slice(11, 19)}Z`
    case 'email':
      return faker.internet.email()
    case 'hostname':
      return faker.internet.domainName()
    case 'ipv4':
      return faker.internet.ipv4()
    case 'ipv6':
      return faker.internet.ipv6()
    case 'uri':
      return faker.internet.url()
    case 'uuid':
      return faker.string.uuid()
    case 'byte':
      return btoa(faker.string.alphanumeric({ length: { min: 3, max: 24 } }))
    case 'password':
      return faker.internet.password()
    default:
      return undefined
  }
}
