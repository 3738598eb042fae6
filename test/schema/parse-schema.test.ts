import { describe, expect, it } from 'vitest'
import type { FieldSpec } from '../../src/schema/types.ts'
import { schemaOf, withFields } from './helpers.ts'

const plain = {
  optional: false,
  nullable: false,
  unique: false,
  default: undefined,
  typeDeclared: false,
} as const

function fieldsOf(fields: unknown, extra: Record<string, unknown> = {}): Map<string, FieldSpec> {
  const resource = schemaOf(withFields(fields, extra)).resources.get('users')
  return new Map(resource?.fields)
}

describe('parseSchema', () => {
  it('normalises the product example', () => {
    const schema = schemaOf({
      $schema: './schema.json',
      seed: 7,
      resources: {
        users: {
          count: 3,
          fields: {
            name: 'person.fullName',
            email: { faker: 'internet.email', unique: true },
            age: { faker: 'number.int', args: [{ min: 18, max: 90 }] },
            role: { enum: ['admin', 'editor', 'viewer'] },
            bio: { faker: 'lorem.paragraph', optional: true },
            address: { city: 'location.city', geo: { lat: 'location.latitude' } },
            tags: { array: 'lorem.word', min: 0, max: 4 },
            greeting: 'Hello {{person.firstName}}!',
          },
        },
        posts: { count: 100, fields: { userId: { ref: 'users' }, title: 'lorem.sentence' } },
        profile: { singular: true, fields: { name: 'person.fullName' } },
        notes: {},
      },
    })
    expect(schema.seed).toBe(7)
    expect(schema.origin).toBe('schema')
    expect([...schema.resources.keys()]).toEqual(['users', 'posts', 'profile', 'notes'])
    const users = schema.resources.get('users')
    expect({ ...users, fields: undefined }).toEqual({
      name: 'users',
      singular: false,
      count: 3,
      id: 'integer',
      fields: undefined,
      idPosition: 0,
      idKey: 'id',
    })
    expect(Object.fromEntries(users?.fields ?? [])).toEqual({
      name: { ...plain, kind: 'faker', path: 'person.fullName', args: [], valueType: 'string' },
      email: {
        ...plain,
        kind: 'faker',
        path: 'internet.email',
        args: [],
        unique: true,
        valueType: 'string',
      },
      age: {
        ...plain,
        kind: 'faker',
        path: 'number.int',
        args: [{ min: 18, max: 90 }],
        valueType: 'integer',
      },
      role: { ...plain, kind: 'enum', values: ['admin', 'editor', 'viewer'], valueType: 'string' },
      bio: {
        ...plain,
        kind: 'faker',
        path: 'lorem.paragraph',
        args: [],
        optional: true,
        valueType: 'string',
      },
      address: {
        ...plain,
        kind: 'object',
        valueType: 'object',
        fields: new Map<string, FieldSpec>([
          [
            'city',
            { ...plain, kind: 'faker', path: 'location.city', args: [], valueType: 'string' },
          ],
          [
            'geo',
            {
              ...plain,
              kind: 'object',
              valueType: 'object',
              fields: new Map([
                [
                  'lat',
                  {
                    ...plain,
                    kind: 'faker',
                    path: 'location.latitude',
                    args: [],
                    valueType: 'number',
                  },
                ],
              ]),
            },
          ],
        ]),
      },
      tags: {
        ...plain,
        kind: 'array',
        valueType: 'array',
        min: 0,
        max: 4,
        of: { ...plain, kind: 'faker', path: 'lorem.word', args: [], valueType: 'string' },
      },
      greeting: {
        ...plain,
        kind: 'template',
        template: 'Hello {{person.firstName}}!',
        parts: ['Hello ', { path: 'person.firstName', args: [] }, '!'],
        valueType: 'string',
      },
    })
    expect(schema.resources.get('posts')?.fields?.get('userId')).toEqual({
      ...plain,
      kind: 'ref',
      resource: 'users',
      onDelete: 'cascade',
      valueType: 'integer',
    })
    expect(schema.resources.get('profile')).toEqual({
      name: 'profile',
      singular: true,
      count: 0,
      id: 'integer',
      idPosition: 0,
      idKey: 'id',
      fields: new Map([
        [
          'name',
          { ...plain, kind: 'faker', path: 'person.fullName', args: [], valueType: 'string' },
        ],
      ]),
    })
    expect(schema.resources.get('notes')).toEqual({
      name: 'notes',
      singular: false,
      count: 10,
      id: 'integer',
      fields: undefined,
      idPosition: 0,
      idKey: 'id',
    })
    expect(schema.relations).toEqual([
      { child: 'posts', field: 'userId', parent: 'users', onDelete: 'cascade', expandAs: 'user' },
    ])
  })

  it('defaults the seed to 1 and the count to 10', () => {
    const schema = schemaOf({ resources: { users: {} } })
    expect(schema.seed).toBe(1)
    expect(schema.resources.get('users')?.count).toBe(10)
  })

  it('places id where "id" appears in fields and takes its strategy', () => {
    const schema = schemaOf({
      resources: {
        users: {},
        posts: { fields: { userId: { ref: 'users' }, id: 'uuid', title: 'lorem.sentence' } },
        tags: { id: 'nanoid', fields: { label: 'lorem.word', id: 'nanoid' } },
      },
    })
    const posts = schema.resources.get('posts')
    expect([posts?.id, posts?.idPosition, [...(posts?.fields?.keys() ?? [])]]).toEqual([
      'uuid',
      1,
      ['userId', 'title'],
    ])
    const tags = schema.resources.get('tags')
    expect([tags?.id, tags?.idPosition]).toEqual(['nanoid', 1])
  })

  it('keeps "id" as an ordinary field of a singular resource', () => {
    const schema = schemaOf({
      resources: { me: { singular: true, fields: { id: 'string.uuid' } } },
    })
    expect(schema.resources.get('me')?.fields?.get('id')).toEqual({
      ...plain,
      kind: 'faker',
      path: 'string.uuid',
      args: [],
      valueType: 'string',
    })
  })

  it.each([
    ['integer parent', 'integer', 'integer'],
    ['uuid parent', 'uuid', 'string'],
    ['nanoid parent', 'nanoid', 'string'],
  ])('types a ref to an %s', (_, id, valueType) => {
    const schema = schemaOf({
      resources: { users: { id }, posts: { fields: { userId: { ref: 'users' } } } },
    })
    expect(schema.resources.get('posts')?.fields?.get('userId')?.valueType).toBe(valueType)
  })

  it.each([
    ['enum of integers', { enum: [1, 2] }, 'integer'],
    ['enum of numbers', { enum: [1, 2.5] }, 'number'],
    ['enum of mixed types', { enum: [1, 'a'] }, undefined],
    ['enum of booleans', { enum: [true, false] }, 'boolean'],
    ['constant', { value: { a: 1 } }, 'object'],
    ['null constant', { value: null }, 'null'],
    ['faker float', 'number.float', 'number'],
    ['faker date', 'date.past', 'string'],
    ['faker boolean', 'datatype.boolean', 'boolean'],
    ['faker with mixed samples', { faker: 'helpers.arrayElement', args: [[1, 'a']] }, undefined],
    ['template', 'n{{number.int}}', 'string'],
    ['declared type wins', { faker: 'number.int', type: 'string' }, 'string'],
    ['nested object', { object: { a: 'lorem.word' } }, 'object'],
  ])('infers the type of a %s', (_, field, valueType) => {
    expect(fieldsOf({ x: field }).get('x')?.valueType).toBe(valueType)
  })

  it('marks a declared type', () => {
    const spec = fieldsOf({ lat: { faker: 'location.latitude', type: 'string' } }).get('lat')
    expect([spec?.valueType, spec?.typeDeclared]).toEqual(['string', true])
  })

  it('reads template args as comma-separated JSON values inside parentheses', () => {
    const spec = fieldsOf({
      x: '{{number.int({"min":1,"max":9})}}-{{lorem.words(3)}} {{helpers.arrayElement(["a)}}", "b"])}}{{string.alpha()}}',
    }).get('x')
    expect(spec?.kind === 'template' ? spec.parts : undefined).toEqual([
      { path: 'number.int', args: [{ min: 1, max: 9 }] },
      '-',
      { path: 'lorem.words', args: [3] },
      ' ',
      { path: 'helpers.arrayElement', args: [['a)}}', 'b']] },
      { path: 'string.alpha', args: [] },
    ])
  })

  it.each([
    ['defaults', {}, { min: 1, max: 5 }],
    ['only max below the default min', { max: 0 }, { min: 0, max: 0 }],
    ['only min above the default max', { min: 7 }, { min: 7, max: 7 }],
    ['both', { min: 2, max: 3 }, { min: 2, max: 3 }],
  ])('array bounds: %s', (_, bounds, expected) => {
    const spec = fieldsOf({ x: { array: 'lorem.word', ...bounds } }).get('x')
    expect(spec?.kind === 'array' ? { min: spec.min, max: spec.max } : undefined).toEqual(expected)
  })

  it('reads an array of nested objects and of field specs', () => {
    const fields = fieldsOf({
      points: { array: { x: 'number.int', y: 'number.int' }, max: 2 },
      scores: { array: { faker: 'number.int', args: [{ max: 5 }], nullable: true } },
    })
    const points = fields.get('points')
    expect(points?.kind === 'array' ? points.of.kind : undefined).toBe('object')
    const scores = fields.get('scores')
    expect(scores?.kind === 'array' ? [scores.of.kind, scores.of.nullable] : undefined).toEqual([
      'faker',
      true,
    ])
  })

  it('reads the object kind, which allows nested fields named like kinds', () => {
    const spec = fieldsOf({
      price: {
        object: { value: 'commerce.price', currency: 'finance.currencyCode' },
        nullable: true,
      },
    }).get('price')
    expect(spec?.kind === 'object' ? [...spec.fields.keys()] : undefined).toEqual([
      'value',
      'currency',
    ])
    expect(spec?.nullable).toBe(true)
  })

  it('treats an object without kind keys but with field-like values as a nested object', () => {
    const spec = fieldsOf({
      range: { min: 'number.int', max: 'number.int', type: 'lorem.word' },
    }).get('range')
    expect(spec?.kind === 'object' ? [...spec.fields.keys()] : undefined).toEqual([
      'min',
      'max',
      'type',
    ])
  })

  it('accepts defaults of the field type, and null for a nullable field', () => {
    const fields = fieldsOf({
      n: { faker: 'number.int', default: 0 },
      f: { faker: 'number.float', default: 1 },
      s: { faker: 'lorem.word', nullable: true, default: null },
      m: { enum: [1, 'a'], default: true },
    })
    expect([...fields.values()].map((spec) => spec.default)).toEqual([0, 1, null, true])
  })

  it.each([
    ['field ending in Id', 'authorId', 'author'],
    ['field ending in _id', 'author_id', 'author'],
    ['field without a suffix', 'writer', 'user'],
  ])('names the expand key of a %s', (_, field, expandAs) => {
    const schema = schemaOf({
      resources: { users: {}, posts: { fields: { [field]: { ref: 'users' } } } },
    })
    expect(schema.relations[0]?.expandAs).toBe(expandAs)
  })

  it('accepts a self ref that is nullable or optional, and onDelete', () => {
    const schema = schemaOf({
      resources: {
        comments: {
          fields: {
            parentId: { ref: 'comments', nullable: true, onDelete: 'nullify' },
            rootId: { ref: 'comments', optional: true, onDelete: 'restrict' },
          },
        },
      },
    })
    expect(schema.relations).toEqual([
      {
        child: 'comments',
        field: 'parentId',
        parent: 'comments',
        onDelete: 'nullify',
        expandAs: 'parent',
      },
      {
        child: 'comments',
        field: 'rootId',
        parent: 'comments',
        onDelete: 'restrict',
        expandAs: 'root',
      },
    ])
  })

  it('accepts a cycle of refs when one side is nullable', () => {
    const schema = schemaOf({
      resources: {
        teams: { fields: { captainId: { ref: 'players', nullable: true } } },
        players: { fields: { teamId: { ref: 'teams' } } },
      },
    })
    expect(schema.relations.map((relation) => relation.field)).toEqual(['captainId', 'teamId'])
  })
})
