// json-server 0.17.4's __tests__/server/plural-with-custom-foreign-key.js, over HTTP, with
// `foreignKeySuffix: '_id'`; every case as json-server answers it unless the README's "Compared
// with json-server" lists the difference.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

const posts = [
  { id: 1, body: 'foo' },
  { id: 2, body: 'bar' },
]
const comments = [
  { id: 1, post_id: 1 },
  { id: 2, post_id: 1 },
  { id: 3, post_id: 2 },
]

let mock: Mock
beforeEach(async () => {
  mock = await memoryMock({ schema: { posts, comments }, foreignKeySuffix: '_id' })
  return () => mock.close()
})

async function get(path: string): Promise<{ status: number; type: string | null; body: unknown }> {
  const response = await send(mock, 'GET', path)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await json(response),
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'

describe('json-server: a custom foreign key suffix (post_id)', () => {
  it('GET /:parent/:parentId/:resource lists the children', async () => {
    expect(await get('/posts/1/comments')).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: [comments[0], comments[1]],
    })
  })

  it('GET /:resource/:id answers the item', async () => {
    expect(await get('/posts/1')).toEqual({ status: 200, type: JSON_TYPE, body: posts[0] })
  })

  it('GET /:resource?_embed= embeds the children of every item', async () => {
    expect(await get('/posts?_embed=comments')).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: [
        { ...posts[0], comments: [comments[0], comments[1]] },
        { ...posts[1], comments: [comments[2]] },
      ],
    })
  })

  it('GET /:resource/:id?_embed= embeds the children of one item', async () => {
    expect(await get('/posts/1?_embed=comments')).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: { ...posts[0], comments: [comments[0], comments[1]] },
    })
  })

  it('GET /:resource?_expand= expands the parent of every item (post_id -> post)', async () => {
    expect(await get('/comments?_expand=post')).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: [
        { ...comments[0], post: posts[0] },
        { ...comments[1], post: posts[0] },
        { ...comments[2], post: posts[1] },
      ],
    })
  })

  it('GET /:resource/:id?_expand= expands the parent of one item', async () => {
    expect(await get('/comments/1?_expand=post')).toEqual({
      status: 200,
      type: JSON_TYPE,
      body: { ...comments[0], post: posts[0] },
    })
  })

  // Deliberate difference: json-server sets post_id to the URL's string "1".
  it('POST /:parent/:parentId/:resource sets the parent id with its own type', async () => {
    const response = await send(mock, 'POST', '/posts/1/comments', { body: 'foo' })
    expect(response.status).toBe(201)
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect(response.headers.get('location')).toBe('/comments/4')
    expect(await json(response)).toEqual({ id: 4, post_id: 1, body: 'foo' })
  })

  it('DELETE /:resource/:id answers {} and deletes the item and its children', async () => {
    const response = await send(mock, 'DELETE', '/posts/1')
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({})
    expect(mock.store.data()).toEqual({ posts: [posts[1]], comments: [comments[2]] })
  })
})

describe('the default suffix stays Id', () => {
  it('does not take post_id for a reference without the option', async () => {
    const plain = await memoryMock({ schema: { posts, comments } })
    const response = await send(plain, 'GET', '/posts/1/comments')
    expect(response.status).toBe(404)
    await plain.close()
  })
})
