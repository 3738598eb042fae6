import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Listening, Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, memoryMock } from '../helpers.ts'

const CLIENTS = 16

let mock: Mock
let server: Listening
let startup: string
beforeAll(async () => {
  mock = await memoryMock({ schema: JSONPLACEHOLDER })
  server = await mock.listen(0, '127.0.0.1')
  startup = JSON.stringify(mock.store.data())
})
afterAll(() => mock.close())

type Call = { status: number; body: unknown; location: string | null }

/** One client: every request in its own session, through the header or the path prefix. */
function client(index: number) {
  const name = `client-${index}`
  const viaPath = index % 2 === 1
  const call = async (method: string, path: string, body?: unknown): Promise<Call> => {
    const url = `${server.url}${viaPath ? `/_sessions/${name}` : ''}${path}`
    const headers: Record<string, string> = viaPath ? {} : { 'Fauxrest-Session': name }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const init: RequestInit = { method, headers }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await fetch(url, init)
    const text = await response.text()
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      location: response.headers.get('location'),
    }
  }
  const prefix = viaPath ? `/_sessions/${name}` : ''
  return { name, call, prefix }
}

/** The same create/read/update/delete script for every client; returns what it saw at the end. */
async function script(index: number) {
  const { name, call, prefix } = client(index)
  const title = `post of ${name}`
  const created = await call('POST', '/posts', { userId: 1, title, body: name })
  expect(created).toEqual({
    status: 201,
    body: { userId: 1, title, body: name, id: 101 },
    location: `${prefix}/posts/101`,
  })
  expect((await call('GET', '/posts/101')).body).toEqual({ userId: 1, title, body: name, id: 101 })
  const patched = await call('PATCH', '/posts/101', { title: `${title} (edited)` })
  expect(patched.status).toBe(200)
  const comment = await call('POST', '/posts/101/comments', {
    name,
    email: `${name}@example.com`,
    body: 'mine',
  })
  expect(comment.body).toMatchObject({ postId: 101, id: 501 })
  expect(
    (await call('PUT', '/users/1', { ...((await call('GET', '/users/1')).body as object), name }))
      .status,
  ).toBe(200)
  // Each client deletes a different post of the shared data, with its comments (cascade).
  const victim = index + 1
  expect((await call('DELETE', `/posts/${victim}`)).status).toBe(200)
  const byUser = await call('GET', '/posts?userId=1&_limit=100')
  const mine = await call('GET', '/posts/101/comments')
  const db = (await call('GET', '/db')).body as Record<string, { id: number }[]>
  return { name, victim, byUser, mine, db, user: (await call('GET', '/users/1')).body }
}

describe(`${CLIENTS} concurrent clients, each in its own session`, () => {
  it('see exactly their own changes, and leave the shared data untouched', async () => {
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, index) => script(index)))
    for (const { name, victim, byUser, mine, db, user } of results) {
      const ids = (byUser.body as { id: number; title: string }[]).map((post) => post.id)
      // User 1's posts are 1 to 10, less the one this client deleted, plus its own.
      const expected = [...Array.from({ length: 10 }, (_, at) => at + 1), 101].filter(
        (id) => id !== victim,
      )
      expect(ids).toEqual(expected)
      expect((byUser.body as { id: number; title: string }[]).at(-1)?.title).toBe(
        `post of ${name} (edited)`,
      )
      expect(mine.body).toEqual([
        { postId: 101, name, email: `${name}@example.com`, body: 'mine', id: 501 },
      ])
      expect(user).toMatchObject({ id: 1, name })
      expect(db['posts']).toHaveLength(100)
      expect(db['posts']?.some((post) => post.id === victim)).toBe(false)
      expect(db['comments']).toHaveLength(500 - 5 + 1)
    }
    expect(mock.sessions.size).toBe(CLIENTS)
    expect(JSON.stringify(mock.store.data())).toBe(startup)
    const shared = await fetch(`${server.url}/posts/101`)
    expect(shared.status).toBe(404)
  })
})
