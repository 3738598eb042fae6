import { describe, expect, it } from 'vitest'
import { JSONPLACEHOLDER, json, memoryMock, send } from '../helpers.ts'

const TWO_REFS = {
  resources: {
    users: { count: 3, fields: { name: 'person.fullName' } },
    posts: {
      count: 2,
      fields: {
        title: 'lorem.word',
        authorId: { ref: 'users' },
        editorId: { ref: 'users', optional: true },
      },
    },
  },
}

describe('a nested POST', () => {
  it('sets the foreign key of its route and keeps the other keys the client sent', async () => {
    const mock = await memoryMock({ schema: TWO_REFS })
    const created = await send(mock, 'POST', '/users/1/posts', { title: 'x', editorId: 3 })
    expect(created.status).toBe(201)
    expect(await json(created)).toEqual({ title: 'x', editorId: 3, authorId: 1, id: 3 })
  })
})

describe('a cached page', () => {
  it('names the origin each client asked in its Link header', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    const links = []
    for (const origin of ['http://localhost:3000', 'http://192.168.1.5:3000']) {
      const response = await mock.app.request(`${origin}/posts?_page=1&_limit=50`)
      links.push(response.headers.get('link'))
    }
    expect(links).toEqual([
      '<http://localhost:3000/posts?_page=1&_limit=50>; rel="first", ' +
        '<http://localhost:3000/posts?_page=2&_limit=50>; rel="next", ' +
        '<http://localhost:3000/posts?_page=2&_limit=50>; rel="last"',
      '<http://192.168.1.5:3000/posts?_page=1&_limit=50>; rel="first", ' +
        '<http://192.168.1.5:3000/posts?_page=2&_limit=50>; rel="next", ' +
        '<http://192.168.1.5:3000/posts?_page=2&_limit=50>; rel="last"',
    ])
  })
})
