import { describe, expect, it } from 'vitest'
import { DEFAULT_REF_DATE, generate } from '../../src/generate/generate.ts'
import type { Row } from '../../src/json.ts'
import { fk, object, ref, resource, schemaOf, template } from './specs.ts'

const tiny = schemaOf(
  resource('users', { name: fk('person.fullName'), born: fk('date.past') }, { count: 2 }),
  resource(
    'posts',
    { userId: ref('users'), title: fk('lorem.words', [3]) },
    { count: 3, idPosition: 1 },
  ),
  resource(
    'settings',
    { theme: template(['dark-', { path: 'color.human', args: [] }]) },
    { singular: true },
  ),
)

function rows(value: unknown): Row[] {
  if (!Array.isArray(value)) throw new Error('expected an array of rows')
  return value as Row[]
}

function born(refDate?: Date): string {
  return String(rows(generate(tiny, { seed: 1, refDate })['users'])[0]?.['born'])
}

function strip(list: Row[], key: string): unknown[] {
  return list.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== key)))
}

describe('generate', () => {
  it('gives the same data for the same schema and seed, and other data for another seed', () => {
    const first = generate(tiny, { seed: 1 })
    expect(generate(tiny, { seed: 1 })).toEqual(first)
    expect(JSON.stringify(generate(tiny, { seed: 1 }))).toBe(JSON.stringify(first))
    expect(generate(tiny, { seed: 2 })).not.toEqual(first)
  })

  it('keeps producing this exact data (a faker upgrade that changes it shows up here)', () => {
    expect(JSON.stringify(generate(tiny, { seed: 1 }), null, 1)).toMatchInlineSnapshot(`
      "{
       "users": [
        {
         "id": 1,
         "name": "Zoey White MD",
         "born": "2024-04-26T00:01:59.247Z"
        },
        {
         "id": 2,
         "name": "Linnie Cormier I",
         "born": "2024-01-26T07:31:19.349Z"
        }
       ],
       "posts": [
        {
         "userId": 1,
         "id": 1,
         "title": "denego constans deripio"
        },
        {
         "userId": 1,
         "id": 2,
         "title": "utilis trepide vesica"
        },
        {
         "userId": 2,
         "id": 3,
         "title": "denuncio admitto adeptio"
        }
       ],
       "settings": {
        "theme": "dark-azure"
       }
      }"
    `)
  })

  it('dates are relative to a fixed reference date unless one is given', () => {
    expect(DEFAULT_REF_DATE.toISOString()).toBe('2025-01-01T00:00:00.000Z')
    expect(born(new Date('2025-01-01T00:00:00.000Z'))).toBe(born())
    expect(born(new Date('2030-06-01T00:00:00.000Z')).slice(0, 4)).toBe('2029')
  })

  it('leaves every other resource byte-identical when a resource is added', () => {
    const before = generate(tiny, { seed: 7 })
    const grown = schemaOf(
      resource('tags', { label: fk('lorem.word') }, { count: 5 }),
      ...tiny.resources.values(),
      resource('likes', { postId: ref('posts') }, { count: 4 }),
    )
    const after = generate(grown, { seed: 7 })
    expect(Object.keys(after)).toEqual(['tags', 'users', 'posts', 'settings', 'likes'])
    for (const name of Object.keys(before)) {
      expect(JSON.stringify(after[name])).toBe(JSON.stringify(before[name]))
    }
  })

  it('puts the id at idPosition, and singular resources get no id', () => {
    const data = generate(tiny, { seed: 1 })
    expect(rows(data['users']).map((row) => Object.keys(row))).toEqual([
      ['id', 'name', 'born'],
      ['id', 'name', 'born'],
    ])
    expect(Object.keys(rows(data['posts'])[0] ?? {})).toEqual(['userId', 'id', 'title'])
    expect(Object.keys(data['settings'] ?? {})).toEqual(['theme'])
    const last = schemaOf(
      resource('a', { x: fk('lorem.word'), y: fk('lorem.word') }, { count: 1, idPosition: 2 }),
    )
    expect(Object.keys(rows(generate(last, { seed: 1 })['a'])[0] ?? {})).toEqual(['x', 'y', 'id'])
  })

  it('gives free-form resources only ids (plural) or an empty object (singular)', () => {
    const schema = schemaOf(
      resource('notes', undefined, { count: 3 }),
      resource('config', undefined, { singular: true }),
    )
    expect(generate(schema, { seed: 1 })).toEqual({
      notes: [{ id: 1 }, { id: 2 }, { id: 3 }],
      config: {},
    })
  })

  it.each([
    ['uuid', /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/],
    ['nanoid', /^[\w-]{21}$/],
  ] as const)('generates seeded %s ids', (id, pattern) => {
    const schema = schemaOf(
      resource('items', { name: fk('lorem.word') }, { count: 50, id }),
      resource('children', { itemId: ref('items') }, { count: 100 }),
    )
    const data = generate(schema, { seed: 3 })
    const ids = rows(data['items']).map((row) => row['id'])
    expect(ids.every((value) => typeof value === 'string' && pattern.test(value))).toBe(true)
    expect(new Set(ids).size).toBe(50)
    expect(generate(schema, { seed: 3 })).toEqual(data)
    expect(rows(data['children']).map((row) => row['itemId'])).toEqual(ids.flatMap((v) => [v, v]))
  })

  it('generates only the named resources, taking parent ids from existing data', () => {
    const full = generate(tiny, { seed: 1 })
    const existing = { users: [{ id: 10 }, { id: 20 }, { name: 'no id' }] }
    const data = generate(tiny, { seed: 1, only: new Set(['posts']), existing })
    expect(Object.keys(data)).toEqual(['posts'])
    const posts = rows(data['posts'])
    expect(posts.map((row) => row['userId'])).toEqual([10, 10, 20])
    // Everything but the foreign key is what a full generation gives.
    expect(strip(posts, 'userId')).toEqual(strip(rows(full['posts']), 'userId'))
  })

  it('rejects an `only` naming a resource the schema lacks', () => {
    expect(() => generate(tiny, { seed: 1, only: new Set(['nope']) })).toThrow('No resource "nope"')
  })

  it('reports progress a bounded number of times, ending with done === total', () => {
    const schema = schemaOf(
      resource('many', { n: fk('number.int') }, { count: 10_000 }),
      resource('one', { o: object({ n: fk('number.int') }) }, { singular: true }),
    )
    const calls: [number, number][] = []
    generate(schema, { seed: 1, onProgress: (done, total) => calls.push([done, total]) })
    expect(calls.length).toBeGreaterThan(100)
    expect(calls.length).toBeLessThanOrEqual(201)
    expect(calls.at(-1)).toEqual([10_001, 10_001])
    expect(calls.every(([done], i) => i === 0 || done > (calls[i - 1]?.[0] ?? 0))).toBe(true)
  })
})
