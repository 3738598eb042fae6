import { describe, expect, it } from 'vitest'
import { deriveSeed } from '../../src/generate/derive-seed.ts'

describe('deriveSeed', () => {
  it('is a fixed 32-bit FNV-1a hash of seed and resource name', () => {
    // Pinned: changing it would change every generated database.
    expect(deriveSeed(1, 'users')).toBe(1_973_907_858)
  })

  it('differs between resources and between seeds', () => {
    const seeds = ['users', 'posts', 'comments'].flatMap((name) =>
      [1, 2].map((seed) => deriveSeed(seed, name)),
    )
    expect(new Set(seeds).size).toBe(6)
    expect(seeds.every((value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32)).toBe(
      true,
    )
  })
})
