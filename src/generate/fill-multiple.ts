import type { Faker } from '@faker-js/faker'

/**
 * Makes `faker.helpers.multiple` fill its array in a loop. Faker 10 builds it with
 * `Array.from({ length: count }, method)`, V8's generic path for an array-like, and every
 * lorem.words, sentence and string.fromCharacters (so every color.rgb) goes through it:
 * 16 ms of the 205 ms `fauxrest generate` took at scale 1 of data/jsonplaceholder.json in a
 * profile, and the loop measured 0.94-0.97x the command's wall time. `method` gets the same
 * (undefined, index) arguments in the same order, so the draws and the data are the same; a count
 * that is not a positive whole number (which Array.from would round down), or no method, goes to
 * faker's own. test/generate/fill-multiple.test.ts and create-faker.test.ts compare it with
 * faker's own.
 */
export function fillMultiple(faker: Faker): void {
  const { helpers } = faker
  const own = helpers.multiple
  helpers.multiple = <T>(
    method: (value: unknown, index: number) => T,
    options: Parameters<Faker['helpers']['multiple']>[1] = {},
  ): T[] => {
    const count = helpers.rangeToNumber(options.count ?? 3)
    // A schema can call it with no method at all: Array.from then fills in undefined.
    if (typeof method !== 'function' || !Number.isSafeInteger(count) || count <= 0) {
      return own(method, { count })
    }
    const items: T[] = []
    for (let index = 0; index < count; index++) items.push(method(undefined, index))
    return items
  }
}
