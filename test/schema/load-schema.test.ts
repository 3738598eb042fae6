import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { loadSchema, loadSchemaFile } from '../../src/node/load-schema.ts'
import { catalog } from './helpers.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'schemas')

async function failure(promise: Promise<unknown>): Promise<{ message: string; issues: unknown }> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  )
  expect(error).toBeInstanceOf(UserError)
  return { message: (error as UserError).message, issues: (error as UserError).issues }
}

describe('loadSchemaFile', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fauxrest-schema-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('loads a schema file', async () => {
    const { schema, plainData } = await loadSchemaFile(join(FIXTURES, 'blog.json'), catalog)
    expect(plainData).toBeUndefined()
    expect(schema.seed).toBe(42)
    expect([...schema.resources.keys()]).toEqual([
      'users',
      'posts',
      'comments',
      'settings',
      'notes',
    ])
    expect(
      schema.relations.map(({ child, field, parent }) => `${child}.${field}->${parent}`),
    ).toEqual(['posts.userId->users', 'comments.postId->posts', 'comments.parentId->comments'])
  })

  it('loads a plain json-server db with its data', async () => {
    const file = join(FIXTURES, 'plain-db.json')
    const { schema, plainData } = await loadSchemaFile(file, catalog)
    expect(plainData).toEqual(JSON.parse(await readFile(file, 'utf8')))
    expect(schema.origin).toBe('db')
    expect(schema.relations).toEqual([
      {
        child: 'comments',
        field: 'postId',
        parent: 'posts',
        onDelete: 'cascade',
        expandAs: 'post',
      },
    ])
  })

  it('names a missing file', async () => {
    const file = join(dir, 'missing.json')
    expect(await failure(loadSchemaFile(file, catalog))).toEqual({
      message: `cannot read ${file}: no such file`,
      issues: [],
    })
  })

  it('names a directory', async () => {
    const sub = join(dir, 'folder.json')
    await mkdir(sub)
    expect(await failure(loadSchemaFile(sub, catalog))).toEqual({
      message: `cannot read ${sub}: it is a directory`,
      issues: [],
    })
  })

  it('gives the line and column of invalid JSON', async () => {
    const file = join(dir, 'broken.json')
    await writeFile(file, '{\n  "resources": {\n    "users": { "count": 10, }\n  }\n}\n')
    expect(await failure(loadSchemaFile(file, catalog))).toEqual({
      message: `${file}:3:27: invalid JSON: trailing comma before "}"`,
      issues: [],
    })
  })

  it('lists every issue of an invalid schema', async () => {
    const file = join(FIXTURES, 'invalid.json')
    expect(await failure(loadSchemaFile(file, catalog))).toEqual({
      message: `${file}: invalid schema`,
      issues: [
        { path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' },
        {
          path: 'resources.users.fields.email',
          message: 'unknown faker method "internet.emial" (did you mean "internet.email"?)',
        },
        {
          path: 'resources.users.fields.role.optinal',
          message: 'unknown key "optinal" (did you mean "optional"?)',
        },
        {
          path: 'resources.posts.fields.userId.ref',
          message: 'ref to unknown resource "user" (did you mean "users"?)',
        },
      ],
    })
  })

  it('reports a bad plain db', async () => {
    const file = join(dir, 'db.json')
    await writeFile(file, JSON.stringify({ posts: [{ id: {} }] }))
    expect(await failure(loadSchemaFile(file, catalog))).toEqual({
      message: `${file}: invalid database`,
      issues: [{ path: 'posts[0].id', message: 'must be a number or a string' }],
    })
  })
})

describe('loadSchema', () => {
  it('accepts a path', async () => {
    const { schema } = await loadSchema(join(FIXTURES, 'blog.json'), catalog)
    expect(schema.seed).toBe(42)
  })

  it('accepts a parsed schema document', async () => {
    const { schema, plainData } = await loadSchema({ resources: { users: {} } }, catalog)
    expect([[...schema.resources.keys()], plainData]).toEqual([['users'], undefined])
  })

  it('copies a plain db object so later writes do not reach the caller', async () => {
    const db = { posts: [{ id: 1 }] }
    const { plainData } = await loadSchema(db, catalog)
    expect(plainData).toEqual(db)
    expect(plainData).not.toBe(db)
    expect(plainData?.['posts']).not.toBe(db.posts)
  })

  it('labels the problems of a parsed document "schema"', async () => {
    expect(await failure(loadSchema({ resources: { users: { count: -1 } } }, catalog))).toEqual({
      message: 'schema: invalid schema',
      issues: [{ path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' }],
    })
  })
})
