import type { Faker, LocaleDefinition } from '@faker-js/faker'
import { faker as english } from '@faker-js/faker/locale/en'

type FakerConstructor = new (options: { locale: LocaleDefinition; seed?: number }) => Faker

// The English entry point loads one locale; the package's main entry loads all of them, which
// took most of fauxrest's start-up time. Its instance carries the class and the merged
// English-over-base definitions the main entry's `[en, base]` would give.
const FakerClass = english.constructor as FakerConstructor

/** A new English faker of its own, optionally seeded. */
export function englishFaker(seed?: number): Faker {
  return new FakerClass(
    seed === undefined
      ? { locale: english.rawDefinitions }
      : { locale: english.rawDefinitions, seed },
  )
}
