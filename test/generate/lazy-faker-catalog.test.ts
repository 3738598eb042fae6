import { readFileSync } from 'node:fs'
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildFakerTable } from '../../src/generate/build-faker-table.ts'
import { createFakerCatalog, fakerPaths } from '../../src/generate/faker-catalog.ts'
import { createLazyFakerCatalog } from '../../src/generate/lazy-faker-catalog.ts'
import { checkWithCatalog } from '../../src/schema/check-with-catalog.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import type { FakerCall } from '../../src/schema/types.ts'

const jsonplaceholder: unknown = JSON.parse(
  readFileSync(new URL('../../data/jsonplaceholder.json', import.meta.url), 'utf8'),
)
const patterned = {
  resources: {
    users: {
      fields: {
        code: { faker: 'string.alphanumeric', args: [6], pattern: '^[A-Z]{3}-[0-9]{3}$' },
        phone: { faker: 'phone.number', format: 'email' },
      },
    },
  },
}
const sampling = createFakerCatalog()
let table: ReturnType<typeof buildFakerTable>

// faker warns of each deprecated method on the console when it is sampled.
const quiet = (): unknown => vi.spyOn(console, 'warn').mockImplementation(() => undefined)
beforeAll(() => {
  quiet()
  table = buildFakerTable([jsonplaceholder, patterned], '10.6.0')
})
beforeEach(quiet)

// The calls a schema asks about, in the order it asks.
function callsOf(document: unknown): FakerCall[] {
  const calls: FakerCall[] = []
  parseSchema(document, {
    ...sampling,
    sampleType(call) {
      calls.push(call)
      return sampling.sampleType(call)
    },
  })
  return calls
}

describe('createLazyFakerCatalog with the table', () => {
  it("knows faker's paths and suggests as sampling does, without loading faker", () => {
    const lazy = createLazyFakerCatalog(table)
    expect(table.paths).toEqual(fakerPaths())
    for (const path of [...fakerPaths(), 'internet.emial', 'name.firstName', 'person', '']) {
      expect(lazy.has(path)).toBe(sampling.has(path))
    }
    for (const typo of ['internet.emial', 'name.firstName', 'persn.fulName', 'userName', 'zzz']) {
      expect(lazy.suggest(typo)).toBe(sampling.suggest(typo))
    }
    expect(lazy.missed?.()).toBe(false)
  })

  it('answers every method without args, and every call of the schemas it was built from', () => {
    const lazy = createLazyFakerCatalog(table)
    const calls = [
      ...fakerPaths().map((path): FakerCall => ({ path, args: [] })),
      ...callsOf(jsonplaceholder),
      ...callsOf(patterned),
    ]
    expect(calls.length).toBeGreaterThan(200)
    for (const call of calls) expect(lazy.sampleType(call)).toEqual(sampling.sampleType(call))
    expect(lazy.sampleType({ path: 'helpers.arrayElement', args: [] })).toEqual({
      error: expect.stringMatching(/^"helpers\.arrayElement" fails without args: /) as unknown,
    })
    expect(lazy.missed?.()).toBe(false)
  })

  it('checks the schemas it was built from exactly as sampling does, without loading faker', () => {
    for (const document of [jsonplaceholder, patterned]) {
      const lazy = createLazyFakerCatalog(table)
      expect(parseSchema(document, lazy)).toEqual(parseSchema(document, sampling))
      expect(lazy.missed?.()).toBe(false)
    }
  })

  it('stands in for a call it lacks, then answers exactly once faker is loaded', async () => {
    const lazy = createLazyFakerCatalog(table)
    const call: FakerCall = { path: 'color.rgb', args: [{ format: 'decimal' }] }
    expect(lazy.sampleType(call)).toBeUndefined()
    expect(lazy.missed?.()).toBe(true)
    await lazy.load?.()
    expect(lazy.missed?.()).toBe(false)
    expect(lazy.sampleType(call)).toBe('array')
    expect(lazy.sampleType(call)).toEqual(sampling.sampleType(call))
  })
})

describe('checkWithCatalog', () => {
  const document = {
    resources: {
      users: {
        fields: {
          name: 'person.fullName',
          tags: { faker: 'lorem.words', args: [{ min: 5, max: 2 }] },
          code: { faker: 'string.alpha', args: [4], pattern: '^[0-9]+$' },
          mail: 'internet.emial',
        },
      },
    },
  }

  it('gives the issues sampling gives, also with no table at all', async () => {
    const expected = parseSchema(document, sampling)
    expect(expected.ok).toBe(false)
    for (const lazy of [createLazyFakerCatalog(table), createLazyFakerCatalog(undefined)]) {
      expect(await checkWithCatalog(lazy, () => parseSchema(document, lazy))).toEqual(expected)
    }
  })

  it('checks a valid schema once when the table answers, twice when it must load faker', async () => {
    let runs = 0
    const withTable = createLazyFakerCatalog(table)
    const check = (catalog: typeof withTable) => () => {
      runs++
      return parseSchema(jsonplaceholder, catalog)
    }
    const once = await checkWithCatalog(withTable, check(withTable))
    expect(runs).toBe(1)
    const noTable = createLazyFakerCatalog(undefined)
    expect(await checkWithCatalog(noTable, check(noTable))).toEqual(once)
    expect(runs).toBe(3)
    expect(once).toEqual(parseSchema(jsonplaceholder, sampling))
  })

  it('runs again after a throw that a stand-in answer may have caused', async () => {
    const lazy = createLazyFakerCatalog(undefined)
    let runs = 0
    const result = await checkWithCatalog(lazy, () => {
      runs++
      if (lazy.sampleType({ path: 'number.int', args: [] }) !== 'integer')
        throw new Error('stand-in')
      return 'exact'
    })
    expect([result, runs]).toEqual(['exact', 2])
  })
})
