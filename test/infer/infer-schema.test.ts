import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { generate } from '../../src/generate/generate.ts'
import { namedFakerMethods } from '../../src/infer/faker-for-name.ts'
import { inferSchema } from '../../src/infer/infer-schema.ts'
import type { Data, JsonValue, Row } from '../../src/json.ts'
import type { Schema } from '../../src/schema/types.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { catalog, schemaOf, thrownBy } from '../schema/helpers.ts'

/** A value's shape: its type, with the shape of every key (in order) or array item. */
function shape(value: JsonValue): unknown {
  if (value === null) return 'null'
  if (Array.isArray(value)) return [...new Set(value.map((item) => JSON.stringify(shape(item))))]
  if (typeof value === 'object')
    return Object.entries(value).map(([key, item]) => [key, shape(item)])
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

/** Per resource: the item count and every distinct item shape. */
function shapes(data: Data): unknown {
  return Object.fromEntries(
    Object.entries(data).map(([name, value]) => {
      const rows = Array.isArray(value) ? value : [value]
      return [
        name,
        {
          count: rows.length,
          shapes: [...new Set(rows.map((row) => JSON.stringify(shape(row))))].toSorted(),
        },
      ]
    }),
  )
}

/** Per relation: how many children each parent has, in parent order, and whether all exist. */
function spread(schema: Schema, data: Data): unknown {
  return schema.relations.map(({ child, field, parent }) => {
    const parents = (data[parent] as Row[]).map((row) => row['id'])
    const children = (data[child] as Row[]).map((row) => row[field])
    return {
      child,
      field,
      parent,
      perParent: parents.map((id) => children.filter((value) => value === id).length),
      dangling: children.filter((value) => !parents.includes(value ?? null)).length,
    }
  })
}

describe('inferSchema on JSONPlaceholder’s /db', async () => {
  const original = schemaOf(JSON.parse(await readFile(JSONPLACEHOLDER, 'utf8')))
  const db = generate(original, { seed: 1 })
  const document = inferSchema(db, 'db', catalog)
  const inferred = schemaOf(document)
  const regenerated = generate(inferred, { seed: 1 })

  it('gives a schema that regenerates data of the same shape', () => {
    expect(shapes(regenerated)).toEqual(shapes(db))
  })

  it('gives the same relations, spread over the parents alike', () => {
    expect(spread(inferred, regenerated)).toEqual(spread(original, db))
    expect(inferred.relations).toEqual(original.relations)
  })

  it('picks JSONPlaceholder’s own faker methods from names and values', () => {
    expect(document['resources']).toMatchObject({
      users: {
        count: 10,
        fields: {
          name: 'person.fullName',
          email: { faker: 'internet.email', unique: true },
          address: { geo: { lat: { faker: 'location.latitude', type: 'string' } } },
          phone: 'phone.number',
          website: 'internet.domainName',
          company: {
            name: 'company.name',
            catchPhrase: 'company.catchPhrase',
            bs: 'company.buzzPhrase',
          },
        },
      },
      posts: {
        count: 100,
        fields: {
          userId: { ref: 'users' },
          id: 'integer',
          title: { faker: 'lorem.words', args: [{ min: 3, max: 10 }] },
          body: { faker: 'lorem.lines', args: [4] },
        },
      },
      photos: {
        fields: {
          url: 'https://via.placeholder.com/600/{{color.rgb({"prefix":"","casing":"lower"})}}',
        },
      },
      todos: { count: 200, fields: { completed: 'datatype.boolean' } },
    })
  })
})

describe('inferSchema on one response', () => {
  const rows = [
    {
      id: 'c0a80121-7ac0-4e1c-9b1a-2f0c3d4e5f60',
      userId: 3,
      email: 'ann@example.com',
      homepage: 'https://ann.dev/about',
      createdAt: '2025-01-01T10:00:00.000Z',
      birthday: '1990-05-01',
      phone: '+1 (555) 123-4567',
      status: 'active',
      score: 3.5,
      nick: null,
      tags: ['a', 'b'],
      owner: { firstName: 'Ann', lastName: 'Lee' },
    },
    {
      id: 'c0a80121-7ac0-4e1c-9b1a-2f0c3d4e5f61',
      userId: 4,
      email: 'bob@example.com',
      homepage: 'https://bob.io/',
      createdAt: '2025-02-01T10:00:00.000Z',
      birthday: '1985-12-24',
      phone: '+44 20 7946 0958',
      status: 'inactive',
      score: 4.25,
      nick: 'bobby',
      tags: [],
      owner: { firstName: 'Bob', lastName: 'Ray' },
      note: 'hi there',
    },
    {
      id: 'c0a80121-7ac0-4e1c-9b1a-2f0c3d4e5f62',
      userId: 3,
      email: 'cy@example.com',
      homepage: 'https://cy.example.org/x',
      createdAt: '2025-03-01T10:00:00.000Z',
      birthday: '2001-07-15',
      phone: '555-0100 x12',
      status: 'active',
      score: 1,
      nick: null,
      tags: ['c'],
      owner: { firstName: 'Cy', lastName: 'Oz' },
    },
    {
      id: 'c0a80121-7ac0-4e1c-9b1a-2f0c3d4e5f63',
      userId: 5,
      email: 'di@example.com',
      homepage: 'https://di.net',
      createdAt: '2025-04-01T10:00:00.000Z',
      birthday: '1970-01-01',
      phone: '(555) 010-0199',
      status: 'inactive',
      score: 2.75,
      nick: 'd',
      tags: ['a'],
      owner: { firstName: 'Di', lastName: 'Uma' },
    },
  ]

  it('infers types, optional and nullable fields, enums, references and faker methods', () => {
    expect(inferSchema(rows, 'members', catalog)).toEqual({
      $schema: './node_modules/fauxrest/schema/fauxrest.schema.json',
      seed: 1,
      resources: {
        members: {
          count: 4,
          id: 'uuid',
          fields: {
            userId: { ref: 'users' },
            email: { faker: 'internet.email', unique: true },
            homepage: 'internet.url',
            createdAt: 'date.anytime',
            birthday: { faker: 'date.anytime', format: 'date' },
            phone: 'phone.number',
            status: { enum: ['active', 'inactive'] },
            score: { faker: 'number.float', args: [{ min: 1, max: 4.25, fractionDigits: 2 }] },
            nick: { faker: 'lorem.word', nullable: true },
            tags: { array: 'lorem.word', min: 0, max: 2 },
            owner: { firstName: 'person.firstName', lastName: 'person.lastName' },
            note: { faker: 'lorem.words', args: [2], optional: true },
          },
        },
        // userId points at a resource the sample lacks: a stand-in with as many items as the
        // largest id, so the schema checks and references spread.
        users: { count: 5 },
      },
    })
  })

  it('gives a schema whose generated items keep the sample’s shape', () => {
    const data = generate(schemaOf(inferSchema(rows, 'members', catalog)), { seed: 1 })
    const members = data['members'] as Row[]
    expect(members).toHaveLength(4)
    for (const member of members) {
      expect(member['id']).toMatch(/^[0-9a-f-]{36}$/)
      expect(member['birthday']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(member['createdAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      expect(['active', 'inactive']).toContain(member['status'])
      expect([1, 2, 3, 4, 5]).toContain(member['userId'])
    }
  })

  it('takes a single object as a resource of one item', () => {
    const document = inferSchema({ id: 1, title: 'Hello there', done: false }, 'todos', catalog)
    expect(document['resources']).toEqual({
      todos: {
        count: 1,
        fields: { title: { faker: 'lorem.words', args: [2] }, done: 'datatype.boolean' },
      },
    })
  })

  it('makes a reference to its own resource nullable, and quotes nested keys that read as specs', () => {
    const document = inferSchema(
      [
        { id: 1, categoryId: null, meta: { value: 'x y' } },
        { id: 2, categoryId: 1, meta: { value: 'z w' } },
      ],
      'categories',
      catalog,
    )
    expect(document['resources']).toEqual({
      categories: {
        count: 2,
        fields: {
          categoryId: { ref: 'categories', nullable: true },
          meta: { object: { value: { faker: 'lorem.words', args: [2] } } },
        },
      },
    })
    schemaOf(document)
  })

  it('keeps an empty resource of a database free-form', () => {
    const document = inferSchema(
      { posts: [{ id: 1, title: 'Hi there' }], comments: [], profile: { name: 'Ann Lee' } },
      'db',
      catalog,
    )
    expect(document['resources']).toEqual({
      posts: { count: 1, fields: { title: { faker: 'lorem.words', args: [2] } } },
      comments: { count: 0 },
      profile: { singular: true, fields: { name: 'person.fullName' } },
    })
    schemaOf(document)
  })

  it.each<[string, unknown, string]>([
    [
      'a schema',
      { resources: { a: {} } },
      'the sample is already a fauxrest schema (it has "resources")',
    ],
    ['a number', 3, 'the sample must be a JSON object or an array of objects'],
    ['an empty array', [], 'x: the sample has no items to learn from'],
    ['an array of numbers', [1, 2], 'x: every item must be a JSON object'],
  ])('refuses %s', (_, sample, message) => {
    const error = thrownBy(() => inferSchema(sample, 'x', catalog))
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(message)
  })

  it('refuses a resource name fauxrest cannot serve', () => {
    const error = thrownBy(() => inferSchema([{ a: 1 }], '_private', catalog))
    expect((error as Error).message).toMatch(/^resource name "_private" .* \(use --name\)$/)
  })
})

describe('the faker methods names suggest', () => {
  it('are all in faker’s catalog', () => {
    expect(namedFakerMethods().filter((path) => !catalog.has(path))).toEqual([])
  })
})
