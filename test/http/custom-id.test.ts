import { afterEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { buildTypes } from '../../src/typegen/build-types.ts'
import { json, memoryMock, send } from '../helpers.ts'

// json-server's `--id _id`: items are identified by `_id` everywhere.
const users = [{ _id: 1, name: 'Ann' }]
const posts = [
  { _id: 1, userId: 1, title: 'one' },
  { _id: 2, userId: 1, title: 'two' },
]

let mock: Mock
afterEach(() => mock.close())

async function open(options: { fakeWrites?: boolean } = {}): Promise<Mock> {
  mock = await memoryMock({ schema: { users, posts }, id: '_id', ...options })
  return mock
}

describe('--id _id on a plain db', () => {
  it('finds items by _id, alone and under their parent', async () => {
    await open()
    expect(await json(await send(mock, 'GET', '/posts/2'))).toEqual(posts[1])
    expect(await json(await send(mock, 'GET', '/users/1/posts/2'))).toEqual(posts[1])
    expect(await json(await send(mock, 'GET', '/users/1/posts'))).toEqual(posts)
    expect(await json(await send(mock, 'GET', '/posts?_id=2'))).toEqual([posts[1]])
  })

  it('embeds children and expands parents through _id', async () => {
    await open()
    expect(await json(await send(mock, 'GET', '/users/1?_embed=posts'))).toEqual({
      ...users[0],
      posts,
    })
    expect(await json(await send(mock, 'GET', '/posts/1?_expand=user'))).toEqual({
      ...posts[0],
      user: users[0],
    })
  })

  it('gives a new item the next _id, with its Location', async () => {
    await open()
    const response = await send(mock, 'POST', '/users/1/posts', { title: 'three' })
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/posts/3')
    expect(await json(response)).toEqual({ title: 'three', userId: 1, _id: 3 })
    expect(mock.store.list('posts')).toHaveLength(3)
  })

  it('keeps the _id on PUT and PATCH whatever the body says', async () => {
    await open()
    const put = await send(mock, 'PUT', '/posts/1', { _id: 9, userId: 1, title: 'new' })
    expect(await json(put)).toEqual({ userId: 1, title: 'new', _id: 1 })
    const patch = await send(mock, 'PATCH', '/posts/2', { _id: 9, title: 'patched' })
    expect(await json(patch)).toEqual({ _id: 2, userId: 1, title: 'patched' })
  })

  it('refuses a client _id that is taken', async () => {
    await open()
    const response = await send(mock, 'POST', '/posts', { _id: 1, title: 'again' })
    expect(response.status).toBe(409)
    expect(await json(response)).toEqual({
      error: 'Request conflicts with existing data.',
      details: [{ path: '_id', message: 'posts 1 already exists' }],
    })
  })

  it('deletes children through _id', async () => {
    await open()
    expect((await send(mock, 'DELETE', '/users/1')).status).toBe(200)
    expect(mock.store.data()).toEqual({ users: [], posts: [] })
  })

  it('answers fake writes with the _id a real write would take', async () => {
    await open({ fakeWrites: true })
    const created = await send(mock, 'POST', '/posts', { title: 'fake' })
    expect(created.headers.get('location')).toBe('/posts/3')
    expect(await json(created)).toEqual({ title: 'fake', _id: 3 })
    const replaced = await send(mock, 'PUT', '/posts/1', { title: 'fake' })
    expect(await json(replaced)).toEqual({ title: 'fake', _id: 1 })
    expect(mock.store.data()).toEqual({ users, posts })
  })

  it('names _id in the OpenAPI document and the TypeScript types', async () => {
    await open()
    const document = (await json(await send(mock, 'GET', '/openapi.json'))) as {
      components: { schemas: Record<string, unknown> }
    }
    expect(document.components.schemas['Post']).toEqual({
      type: 'object',
      additionalProperties: true,
      properties: { _id: { type: ['integer', 'string'], description: 'The item id.' } },
      required: ['_id'],
      description: 'An item of `/posts`.',
    })
    expect(buildTypes(mock.schema)).toContain('export interface Post {\n  _id: number | string\n')
  })

  it('links the homepage examples by _id', async () => {
    await open()
    const html = await (await send(mock, 'GET', '/')).text()
    expect(html).toContain('href="/users?_id=1&amp;_id=2"')
  })
})

describe('--id on a schema', () => {
  it('generates items with that field as their id', async () => {
    mock = await memoryMock({
      schema: { resources: { users: { count: 2, fields: { name: 'person.firstName' } } } },
      id: '_id',
    })
    const list = (await json(await send(mock, 'GET', '/users'))) as Record<string, unknown>[]
    expect(list.map((user) => Object.keys(user))).toEqual([
      ['_id', 'name'],
      ['_id', 'name'],
    ])
    expect(await json(await send(mock, 'GET', '/users/2'))).toEqual(list[1])
  })
})

describe('json-server: router.db._.id', () => {
  it('GETs an item by a different id property', async () => {
    mock = await memoryMock({ schema: { posts: [{ _id: 1 }] }, id: '_id' })
    const response = await send(mock, 'GET', '/posts/1')
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ _id: 1 })
  })
})
