import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createFakerCatalog } from '../../src/generate/faker-catalog.ts'
import { generate } from '../../src/generate/generate.ts'
import type { JsonObject, Row } from '../../src/json.ts'
import { parseSchema } from '../../src/schema/parse-schema.ts'
import type { Schema } from '../../src/schema/types.ts'

function loadSchema(): Schema {
  const text = readFileSync(new URL('../../data/jsonplaceholder.json', import.meta.url), 'utf8')
  const parsed = parseSchema(JSON.parse(text), createFakerCatalog())
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.schema
}

const schema = loadSchema()
const data = generate(schema, { seed: schema.seed })

function rows(name: string): Row[] {
  const value = data[name]
  if (!Array.isArray(value)) throw new Error(`${name} is not a list`)
  return value
}

/** The JSON type of every key, nested objects included: what JSONPlaceholder's items have. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return typeof value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
}

const SHAPES: Record<string, unknown> = {
  users: {
    id: 'number',
    name: 'string',
    username: 'string',
    email: 'string',
    address: {
      street: 'string',
      suite: 'string',
      city: 'string',
      zipcode: 'string',
      geo: { lat: 'string', lng: 'string' },
    },
    phone: 'string',
    website: 'string',
    company: { name: 'string', catchPhrase: 'string', bs: 'string' },
  },
  posts: { userId: 'number', id: 'number', title: 'string', body: 'string' },
  comments: { postId: 'number', id: 'number', name: 'string', email: 'string', body: 'string' },
  albums: { userId: 'number', id: 'number', title: 'string' },
  photos: {
    albumId: 'number',
    id: 'number',
    title: 'string',
    url: 'string',
    thumbnailUrl: 'string',
  },
  todos: { userId: 'number', id: 'number', title: 'string', completed: 'boolean' },
}

/** How many children each parent id has, in parent id order. */
function perParent(name: string, key: string): Map<unknown, number> {
  const counts = new Map<unknown, number>()
  for (const row of rows(name)) counts.set(row[key], (counts.get(row[key]) ?? 0) + 1)
  return counts
}

describe('data/jsonplaceholder.json', () => {
  it('declares JSONPlaceholder resources with its counts and integer ids 1..count', () => {
    const counts = Object.fromEntries(Object.keys(data).map((name) => [name, rows(name).length]))
    expect(counts).toEqual({
      users: 10,
      posts: 100,
      comments: 500,
      albums: 100,
      photos: 5000,
      todos: 200,
    })
    for (const name of Object.keys(data)) {
      expect(rows(name).map((row) => row['id'])).toEqual(rows(name).map((_, index) => index + 1))
    }
  })

  it.each(Object.keys(SHAPES))('gives %s exactly the key order, nesting and JSON types', (name) => {
    const shapes = new Set(rows(name).map((row) => JSON.stringify(shape(row))))
    expect([...shapes]).toEqual([JSON.stringify(SHAPES[name])])
  })

  it.each([
    ['posts', 'userId', 10, 10],
    ['albums', 'userId', 10, 10],
    ['todos', 'userId', 10, 20],
    ['comments', 'postId', 100, 5],
    ['photos', 'albumId', 100, 50],
  ])('gives %s in contiguous blocks per %s: %i parents, %i each', (name, key, parents, each) => {
    const counts = perParent(name, key)
    expect([...counts.keys()]).toEqual(Array.from({ length: parents }, (_, index) => index + 1))
    expect(new Set(counts.values())).toEqual(new Set([each]))
    // Contiguous: item i belongs to parent floor(i / each) + 1, as posts 1-10 belong to user 1.
    expect(rows(name).every((row, index) => row[key] === Math.floor(index / each) + 1)).toBe(true)
  })

  it('looks like JSONPlaceholder data', () => {
    const users = rows('users')
    expect(new Set(users.map((user) => user['email'])).size).toBe(10)
    const geo = users.map((user) => (user['address'] as JsonObject)['geo'] as JsonObject)
    expect(
      geo
        .flatMap((point) => [point['lat'], point['lng']])
        .every((v) => /^-?\d+(\.\d{1,4})?$/.test(String(v))),
    ).toBe(true)
    expect(rows('posts').every((post) => String(post['body']).split('\n').length === 4)).toBe(true)
    const photo = /^https:\/\/via\.placeholder\.com\/(600|150)\/[\da-f]{6}$/
    expect(
      rows('photos').every(
        (p) => photo.test(String(p['url'])) && photo.test(String(p['thumbnailUrl'])),
      ),
    ).toBe(true)
    expect(
      rows('photos').every(
        (p) => String(p['url']).includes('/600/') && String(p['thumbnailUrl']).includes('/150/'),
      ),
    ).toBe(true)
    const completed = rows('todos').filter((todo) => todo['completed'] === true).length
    expect(completed).toBeGreaterThan(50)
    expect(completed).toBeLessThan(150)
  })

  it('is the same data every time for the schema seed', () => {
    expect(JSON.stringify(generate(schema, { seed: 1 }))).toBe(JSON.stringify(data))
  })
})
