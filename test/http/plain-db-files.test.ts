import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMock, type Mock } from '../../src/index.ts'
import { json, send, tempDirPerTest } from '../helpers.ts'

// Db files json-server 0.17 and 1.0 start on, served from a file and written back into it.
const dir = tempDirPerTest()
let mock: Mock | undefined

async function serve(db: object): Promise<{ mock: Mock; file: string }> {
  const file = join(dir.path, 'db.json')
  await writeFile(file, JSON.stringify(db, null, 2))
  const opened = dir.closeAfter(await createMock({ schema: file, db: file }))
  mock = opened
  return { mock: opened, file }
}

async function onDisk(file: string): Promise<Record<string, unknown>> {
  await mock?.settle()
  return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
}

async function body(m: Mock, method: string, path: string, sent?: unknown): Promise<unknown> {
  return json(await send(m, method, path, sent))
}

// json-server 1.0's README example, as its users have it
const JSON_SERVER_1_README = {
  $schema: './node_modules/json-server/schema.json',
  posts: [
    { id: '1', title: 'a title', views: 100 },
    { id: '2', title: 'another title', views: 200 },
  ],
  comments: [
    { id: '1', text: 'a comment about post 1', postId: '1' },
    { id: '2', text: 'another comment about post 1', postId: '1' },
  ],
  profile: { name: 'typicode' },
}

describe('json-server 1.0 README db: $schema and string ids', () => {
  it('serves every resource, leaves $schema out of the routes and keeps it in the file', async () => {
    const { mock: m, file } = await serve(JSON_SERVER_1_README)
    expect(await body(m, 'GET', '/posts/1')).toEqual(JSON_SERVER_1_README.posts[0])
    expect(await body(m, 'GET', '/posts/1/comments')).toEqual(JSON_SERVER_1_README.comments)
    expect(await body(m, 'GET', '/posts/2?_embed=comments')).toEqual({
      ...JSON_SERVER_1_README.posts[1],
      comments: [],
    })
    expect(await body(m, 'GET', '/comments/2?_expand=post')).toEqual({
      ...JSON_SERVER_1_README.comments[1],
      post: JSON_SERVER_1_README.posts[0],
    })
    expect(await body(m, 'GET', '/profile')).toEqual({ name: 'typicode' })
    expect((await send(m, 'GET', '/$schema')).status).toBe(404)

    const created = await send(m, 'POST', '/posts', { title: 'third', views: 0 })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe('/posts/3')
    expect(await json(created)).toEqual({ title: 'third', views: 0, id: '3' })
    expect(await onDisk(file)).toEqual({
      ...JSON_SERVER_1_README,
      posts: [...JSON_SERVER_1_README.posts, { title: 'third', views: 0, id: '3' }],
    })
    expect(Object.keys(await onDisk(file))[0]).toBe('$schema')
  })

  it('deletes along string references', async () => {
    const { mock: m, file } = await serve(JSON_SERVER_1_README)
    expect((await send(m, 'DELETE', '/posts/1')).status).toBe(200)
    expect(await onDisk(file)).toMatchObject({
      posts: [JSON_SERVER_1_README.posts[1]],
      comments: [],
    })
  })
})

describe('items without an id (json-server 0.17 serves them)', () => {
  const DB = {
    posts: [
      { id: 1, title: 'first' },
      { title: 'anonymous', views: 7 },
      { id: 2, title: 'second', views: 3 },
    ],
    comments: [
      { body: 'no id here', postId: 1 },
      { id: 1, body: 'has one', postId: 2 },
    ],
    deep: [{ a: { b: 1 } }, { a: 1 }],
  }

  it('lists, filters, sorts, searches, pages and embeds them like the others', async () => {
    const { mock: m } = await serve(DB)
    expect(await body(m, 'GET', '/posts')).toEqual(DB.posts)
    expect(await body(m, 'GET', '/posts?views=7')).toEqual([DB.posts[1]])
    expect(await body(m, 'GET', '/posts?_sort=title')).toEqual([
      DB.posts[1],
      DB.posts[0],
      DB.posts[2],
    ])
    expect(await body(m, 'GET', '/posts?q=anon')).toEqual([DB.posts[1]])
    expect(await body(m, 'GET', '/posts?_page=2&_limit=1')).toEqual([DB.posts[1]])
    expect(await body(m, 'GET', '/deep?a.b=1')).toEqual([DB.deep[0]])
    expect(await body(m, 'GET', '/posts/1/comments')).toEqual([DB.comments[0]])
    expect(await body(m, 'GET', '/posts?_embed=comments')).toEqual([
      { ...DB.posts[0], comments: [DB.comments[0]] },
      { ...DB.posts[1], comments: [] },
      { ...DB.posts[2], comments: [DB.comments[1]] },
    ])
    expect(await body(m, 'GET', '/comments?_expand=post')).toEqual([
      { ...DB.comments[0], post: DB.posts[0] },
      { ...DB.comments[1], post: DB.posts[2] },
    ])
  })

  it.each(['/posts/undefined', '/posts/null', '/deep/0'])(
    'cannot be reached by id: %s is a 404',
    async (path) => {
      const { mock: m } = await serve(DB)
      const response = await send(m, 'GET', path)
      expect(response.status).toBe(404)
    },
  )

  it('a POST gets a fresh id, following the others (1 when no item has one)', async () => {
    const { mock: m, file } = await serve(DB)
    expect(await body(m, 'POST', '/posts', { title: 'new' })).toEqual({ title: 'new', id: 3 })
    expect(await body(m, 'POST', '/deep', { a: 2 })).toEqual({ a: 2, id: 1 })
    expect((await onDisk(file))['deep']).toEqual([...DB.deep, { a: 2, id: 1 }])
  })

  it('writes elsewhere leave them as they are, in the file too', async () => {
    const { mock: m, file } = await serve(DB)
    expect(await body(m, 'PATCH', '/posts/2', { views: 4 })).toEqual({ ...DB.posts[2], views: 4 })
    expect(await body(m, 'PUT', '/comments/1', { body: 'new', postId: 1 })).toEqual({
      body: 'new',
      postId: 1,
      id: 1,
    })
    expect(await onDisk(file)).toEqual({
      posts: [DB.posts[0], DB.posts[1], { ...DB.posts[2], views: 4 }],
      comments: [DB.comments[0], { body: 'new', postId: 1, id: 1 }],
      deep: DB.deep,
    })
  })

  it('a deleted parent takes its children with it, with or without ids', async () => {
    const { mock: m, file } = await serve(DB)
    expect((await send(m, 'DELETE', '/posts/1')).status).toBe(200)
    expect(await onDisk(file)).toEqual({
      posts: [DB.posts[1], DB.posts[2]],
      comments: [DB.comments[1]],
      deep: DB.deep,
    })
  })
})

describe('new ids follow the style the resource uses', () => {
  it.each([
    ['numbers', [{ id: 1 }, { id: 2 }], 3],
    ['digits in strings', [{ id: '1' }, { id: '9' }], '10'],
    ['a mix, last a string', [{ id: 4 }, { id: '2' }], '5'],
    ['a mix, last a number', [{ id: '7' }, { id: 2 }], 8],
    ['nothing', [], 1],
  ])('%s', async (_, rows, next) => {
    const { mock: m } = await serve({ items: rows })
    expect(await body(m, 'POST', '/items', {})).toEqual({ id: next })
    for (const row of rows) {
      expect(await body(m, 'GET', `/items/${row.id}`)).toEqual(row)
    }
  })

  it('uuids give a uuid, other strings a nanoid', async () => {
    const uuid = '6e1f1e3c-9d1a-4c1e-8f3a-2b7c1d9e0a11'
    const { mock: m } = await serve({ a: [{ id: uuid }], b: [{ id: 'abcd-1234' }, { id: 3 }] })
    expect(await body(m, 'POST', '/a', {})).toEqual({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
    })
    expect(await body(m, 'POST', '/b', {})).toEqual({
      id: expect.stringMatching(/^[\w-]{21}$/),
    })
    expect(await body(m, 'GET', '/b/3')).toEqual({ id: 3 })
    expect(await body(m, 'GET', '/b/abcd-1234')).toEqual({ id: 'abcd-1234' })
  })
})
