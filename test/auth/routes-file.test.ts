import { afterEach, beforeEach, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { registered } from './json-server-auth.ts'

// json-server-auth's README: a routes file mixing guards and json-server's rewrite rules.
const routes = { users: 600, messages: 640, '/api/*': '/$1' }

let mock: Mock
beforeEach(async () => {
  const db = {
    users: [],
    messages: [{ id: 1, text: 'hello', userId: 2 }],
  }
  mock = await memoryMock({ schema: db, routes, auth: { hashCost: 4 } })
})
afterEach(() => mock.close())

it('reads guards from the routes file next to its rewrite rules', async () => {
  expect((await send(mock, 'GET', '/api/messages')).status).toBe(401)
  const headers = await registered(mock, { email: 'ann@mail.com', password: 'abcd' })
  const list = await send(mock, 'GET', '/api/messages', undefined, headers)
  expect(await json(list)).toEqual([{ id: 1, text: 'hello', userId: 2 }])
  const other = await send(mock, 'PATCH', '/api/messages/1', { text: 'mine' }, headers)
  expect(other.status).toBe(403)
  expect(await json(await send(mock, 'GET', '/api/users', undefined, headers))).toEqual([
    { id: 1, email: 'ann@mail.com' },
  ])
  expect(await json(await send(mock, 'GET', '/__rules'))).toEqual(routes)
})

it('turns auth on by itself when the routes file has guards', async () => {
  const plain = await memoryMock({ schema: { users: [], notes: [] }, routes: { notes: 664 } })
  expect(plain.auth?.rules.get('notes')).toEqual({ read: 'anyone', write: 'logged-in' })
  expect((await send(plain, 'POST', '/notes', { text: 'x' })).status).toBe(401)
  await plain.close()
})
