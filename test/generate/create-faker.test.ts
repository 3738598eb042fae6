import type { Faker } from '@faker-js/faker'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_REF_DATE, createFaker } from '../../src/generate/create-faker.ts'
import { englishFaker } from '../../src/generate/english-faker.ts'
import { fakerPaths } from '../../src/generate/faker-catalog.ts'

/** What a method gives without arguments, or the error it throws. */
function outcome(faker: Faker, path: string): unknown {
  const [module = '', name = ''] = path.split('.')
  const target: unknown = Reflect.get(faker, module)
  const method: unknown =
    typeof target === 'object' && target !== null ? Reflect.get(target, name) : undefined
  if (typeof method !== 'function') return { missing: path }
  try {
    return { value: Reflect.apply(method, target, []) }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}

describe('createFaker', () => {
  // Sampling every method calls the deprecated ones too, and faker warns of each.
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('gives what a plain faker with the same seed gives, for every public method in turn', () => {
    const paths = fakerPaths()
    expect(paths.length).toBeGreaterThan(200)
    for (const seed of [1, 2, 3]) {
      const made = createFaker(seed)
      const plain = englishFaker(seed)
      plain.setDefaultRefDate(DEFAULT_REF_DATE)
      for (const path of paths)
        expect([path, outcome(made, path)]).toEqual([path, outcome(plain, path)])
    }
  })
})
