// json-server 0.17.4's __tests__/server/plural-fake.js (a router with `_isFake: true`), over HTTP
// against fauxrest's --fake-writes. The differences are those the README's "Compared with
// json-server" lists.
import { beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'

function fixture() {
  return {
    posts: [
      { id: 1, body: 'foo' },
      { id: 2, body: 'bar' },
    ],
    comments: [
      { id: 1, body: 'foo', published: true, postId: 1, userId: 1 },
      { id: 2, body: 'bar', published: false, postId: 1, userId: 2 },
      { id: 3, body: 'baz', published: false, postId: 2, userId: 1 },
      { id: 4, body: 'qux', published: true, postId: 2, userId: 2 },
      { id: 5, body: 'quux', published: false, postId: 2, userId: 1 },
    ],
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'

let db: ReturnType<typeof fixture>
let mock: Mock
beforeEach(async () => {
  db = fixture()
  mock = await memoryMock({ schema: db, fakeWrites: true })
  return () => mock.close()
})

describe('json-server plural-fake.js', () => {
  it('GET /:parent/:parentId/:resource should respond with json and corresponding nested resources', async () => {
    const response = await send(mock, 'GET', '/posts/1/comments')
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect([response.status, await json(response)]).toEqual([200, [db.comments[0], db.comments[1]]])
  })

  it('POST /:resource should not create a resource (difference: more exposed headers)', async () => {
    const response = await send(mock, 'POST', '/posts', {
      body: 'foo',
      booleanValue: true,
      integerValue: 1,
    })
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'X-Total-Count,Link,Location,ETag',
    )
    expect(response.headers.get('location')).toMatch(/posts\/3$/)
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect([response.status, await json(response)]).toEqual([
      201,
      { body: 'foo', booleanValue: true, integerValue: 1, id: 3 },
    ])
    expect(mock.store.list('posts')).toEqual(db.posts)
  })

  it('PUT /:resource/:id should not replace resource', async () => {
    const post = { id: 1, booleanValue: true, integerValue: 1 }
    const response = await send(mock, 'PUT', '/posts/1', post, { Accept: 'application/json' })
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect([response.status, await json(response)]).toEqual([200, post])
    expect(mock.store.list('posts')[0]).toEqual(db.posts[0])
  })

  it('PATCH /:resource/:id should not update resource', async () => {
    const response = await send(mock, 'PATCH', '/posts/1', { body: 'bar' })
    expect(response.headers.get('content-type')).toBe(JSON_TYPE)
    expect([response.status, await json(response)]).toEqual([200, { id: 1, body: 'bar' }])
    expect(mock.store.list('posts')[0]).toEqual(db.posts[0])
  })

  it('DELETE /:resource/:id should not destroy resource', async () => {
    const response = await send(mock, 'DELETE', '/posts/1')
    expect([response.status, await json(response)]).toEqual([200, {}])
    expect(mock.store.list('posts')).toHaveLength(2)
  })
})
