import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import type { Data } from '../../src/json.ts'
import {
  checkPlainDb,
  isSchemaDocument,
  schemaFromData,
} from '../../src/schema/schema-from-data.ts'
import { thrownBy } from './helpers.ts'

function problemsOf(value: unknown): unknown {
  const error = thrownBy(() => checkPlainDb(value, 'db.json'))
  return error instanceof UserError ? { message: error.message, issues: error.issues } : error
}

describe('isSchemaDocument', () => {
  it.each([
    [{ resources: {} }, true],
    [{ resources: { users: {} }, seed: 1 }, true],
    [{ resources: [{ id: 1 }] }, false],
    [{ posts: [] }, false],
    [[], false],
    ['resources', false],
    [null, false],
  ])('%j -> %s', (value, expected) => {
    expect(isSchemaDocument(value)).toBe(expected)
  })
})

describe('checkPlainDb', () => {
  it('accepts a valid db, unchanged', () => {
    const db = { posts: [{ id: 1 }, { id: 'a' }], profile: { name: 'x' }, empty: [] }
    const before = structuredClone(db)
    expect(() => checkPlainDb(db, 'db.json')).not.toThrow()
    expect(db).toEqual(before)
  })

  it('accepts items without an id, and $schema whatever it holds', () => {
    const db = {
      $schema: './node_modules/json-server/schema.json',
      posts: [{ title: 'a' }, { id: 1 }, { title: 'b' }],
    }
    expect(() => checkPlainDb(db, 'db.json')).not.toThrow()
  })

  it.each([
    [[], 'found an array'],
    [null, 'found null'],
    ['posts', 'found string'],
  ])('refuses %j in one line, as json-server does', (value, found) => {
    expect(problemsOf(value)).toEqual({
      message: `db.json: a database must be a JSON object of resources, like {"posts": []}; ${found}`,
      issues: [],
    })
  })

  it('refuses a name with "/" in one line, as json-server does', () => {
    expect(problemsOf({ posts: [], 'api/posts': [] })).toEqual({
      message:
        'db.json: "api/posts" cannot be a resource name: "/" is not allowed in one (map a deeper path with a routes file)',
      issues: [],
    })
  })

  it.each([
    [
      'docs',
      'db.json: "docs" is fauxrest\'s own route /docs: rename the resource (say to "my-docs"), and keep its old URLs with a routes file: {"/docs": "/my-docs", "/docs/*": "/my-docs/$1"}',
    ],
    [
      '_events',
      'db.json: "_events" is fauxrest\'s own route /_events: rename the resource (say to "my-_events"), and keep its old URLs with a routes file: {"/_events": "/my-_events", "/_events/*": "/my-_events/$1"}',
    ],
    [
      '_sessions',
      'db.json: "_sessions" is fauxrest\'s own route /_sessions: rename the resource (say to "my-_sessions"), and keep its old URLs with a routes file: {"/_sessions": "/my-_sessions", "/_sessions/*": "/my-_sessions/$1"}',
    ],
    [
      '..',
      'db.json: ".." cannot be a resource name: URLs drop "." and ".." segments, so no request can reach it; rename it',
    ],
    [
      '',
      'db.json: "" cannot be a resource name: it would be the path /, so no request can reach it; rename it',
    ],
    [
      'constructor',
      'db.json: "constructor" is reserved (it would reach Object.prototype): rename it',
    ],
  ])('refuses the name %j in one line that says what to do', (name, message) => {
    expect(problemsOf({ posts: [], [name]: [] })).toEqual({ message, issues: [] })
  })

  it('takes the names json-server takes, with a warning for db', () => {
    const names = ['my posts', '_private', 'db', 'Übersicht', 'a:b', '100%', 'v1.items']
    const db = Object.fromEntries(names.map((name) => [name, [{ id: 1 }]]))
    expect(() => checkPlainDb(db, 'db.json')).not.toThrow()
  })

  it.each([
    [
      'a scalar resource',
      { title: 'x' },
      [
        {
          path: 'title',
          message: 'must be an array (plural resource) or an object (singular resource)',
        },
      ],
    ],
    [
      'a null resource',
      { title: null },
      [
        {
          path: 'title',
          message: 'must be an array (plural resource) or an object (singular resource)',
        },
      ],
    ],
    [
      'bad rows',
      {
        posts: [
          { id: 1 },
          'x',
          { title: 'no id' },
          { title: 'no id either' },
          { id: true },
          { id: 1 },
          { id: '2' },
          { id: 2 },
        ],
      },
      [
        { path: 'posts[1]', message: 'must be an object' },
        { path: 'posts[4].id', message: 'must be a number or a string' },
        { path: 'posts[5].id', message: 'duplicates the id of posts[0]' },
        { path: 'posts[7].id', message: 'duplicates the id of posts[6]' },
      ],
    ],
    [
      'a repeated id after ids that went up, and after ids that are not numbers',
      { posts: [{ id: 1 }, { id: 5 }, { id: 9 }, { id: 'a' }, { id: 5 }, { id: 'a' }, { id: 3 }] },
      [
        { path: 'posts[4].id', message: 'duplicates the id of posts[1]' },
        { path: 'posts[5].id', message: 'duplicates the id of posts[3]' },
      ],
    ],
    [
      'a reserved key in a row',
      { posts: [JSON.parse('{"id":1,"__proto__":{}}')] },
      [{ path: 'posts[0]', message: 'has a reserved key "__proto__"' }],
    ],
  ])('reports %s', (_, value, issues) => {
    expect(problemsOf(value)).toEqual({ message: 'db.json: invalid database', issues })
  })

  it('accepts ids in any order when none repeats', () => {
    const value = { posts: [{ id: 3 }, { id: 2 }, { id: '10' }, { id: 'b' }, { id: 1 }] }
    expect(() => checkPlainDb(value, 'db.json')).not.toThrow()
  })

  it('lists at most 50 problems and counts the rest', () => {
    const rows = Array.from({ length: 60 }, () => 'x')
    const result = problemsOf({ posts: rows }) as { issues: { path: string; message: string }[] }
    expect(result.issues).toHaveLength(51)
    expect(result.issues[49]).toEqual({ path: 'posts[49]', message: 'must be an object' })
    expect(result.issues[50]).toEqual({ path: '', message: 'and 10 more problems' })
  })
})

describe('schemaFromData', () => {
  it('makes free-form resources and infers relations from <singular>Id fields', () => {
    const data: Data = {
      users: [{ id: 1 }],
      categories: [{ id: 1 }],
      boxes: [{ id: 'x1' }],
      posts: [{ id: 1, userId: 1, categoryId: 1, boxId: 'x1', postsId: 1 }],
      comments: [{ id: '6e1f1e3c-9d1a-4c1e-8f3a-2b7c1d9e0a11', postId: 1, ownerId: 3 }],
      profile: { userId: 1 },
    }
    const schema = schemaFromData(data)
    expect(schema.origin).toBe('db')
    expect(schema.seed).toBe(1)
    expect([...schema.resources.values()]).toEqual([
      {
        name: 'users',
        singular: false,
        count: 1,
        id: 'integer',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
      {
        name: 'categories',
        singular: false,
        count: 1,
        id: 'integer',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
      {
        name: 'boxes',
        singular: false,
        count: 1,
        id: 'nanoid',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
      {
        name: 'posts',
        singular: false,
        count: 1,
        id: 'integer',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
      {
        name: 'comments',
        singular: false,
        count: 1,
        id: 'uuid',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
      {
        name: 'profile',
        singular: true,
        count: 0,
        id: 'integer',
        fields: undefined,
        idPosition: 0,
        idKey: 'id',
      },
    ])
    expect(schema.relations).toEqual([
      { child: 'posts', field: 'userId', parent: 'users', onDelete: 'cascade', expandAs: 'user' },
      {
        child: 'posts',
        field: 'categoryId',
        parent: 'categories',
        onDelete: 'cascade',
        expandAs: 'category',
      },
      { child: 'posts', field: 'boxId', parent: 'boxes', onDelete: 'cascade', expandAs: 'box' },
      { child: 'posts', field: 'postsId', parent: 'posts', onDelete: 'cascade', expandAs: 'posts' },
      {
        child: 'comments',
        field: 'postId',
        parent: 'posts',
        onDelete: 'cascade',
        expandAs: 'post',
      },
    ])
  })

  it('uses integer ids for an empty resource', () => {
    expect(schemaFromData({ posts: [] }).resources.get('posts')?.id).toBe('integer')
  })

  it('finds a relation field that only some rows have', () => {
    const schema = schemaFromData({
      posts: [{ id: 1 }],
      comments: [{ id: 1 }, { id: 2, postId: 1 }],
    })
    expect(schema.relations.map((relation) => relation.field)).toEqual(['postId'])
  })
})
