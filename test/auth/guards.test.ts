// json-server-auth's src/__tests__/guards.ts, over HTTP, with its routes shorthand as the rules.
// Differences, both deliberate and listed in the README: a list under an owner-only rule answers
// the caller's own items instead of 403 (json-server-auth answers all or nothing), and OPTIONS is
// answered 204 with Allow, as on every fauxrest route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, send } from '../helpers.ts'
import { USER, authMock, registered } from './json-server-auth.ts'

let mock: Mock
let auth: Record<string, string>
beforeEach(async () => {
  const db = {
    users: [{ id: 1, email: 'albert@gmail.com' }],
    messages: [
      { id: 1, text: 'other', userId: 1 },
      { id: 2, text: 'mine', userId: 2 },
    ],
    secrets: [],
  }
  mock = await authMock(db, { users: 600, messages: 640, secrets: 600 })
  // The registered user gets id 2
  auth = await registered(mock, USER)
})
afterEach(() => mock.close())

describe('600: owner can read/write', () => {
  it('[SAD] cannot list all users: 401 without a token, only itself with one', async () => {
    expect((await send(mock, 'GET', '/users')).status).toBe(401)
    const response = await send(mock, 'GET', '/users', undefined, auth)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual([{ id: 2, email: 'jeremy@mail.com', name: 'Jeremy' }])
  })

  it('[SAD] cannot get other users', async () => {
    expect((await send(mock, 'GET', '/users/1')).status).toBe(401)
    const response = await send(mock, 'GET', '/users/1', undefined, auth)
    expect(response.status).toBe(403)
    expect(await json(response)).toEqual({
      error: 'Private resource access: the item belongs to another user.',
    })
  })

  it('[HAPPY] can get own information', async () => {
    expect((await send(mock, 'GET', '/users/2')).status).toBe(401)
    expect((await send(mock, 'GET', '/users/2', undefined, auth)).status).toBe(200)
  })

  it('[HAPPY] can write and read from a private collection', async () => {
    const created = await send(mock, 'POST', '/secrets', { size: 'big', userId: '2' }, auth)
    expect(created.status).toBe(201)
    const response = await send(mock, 'GET', '/secrets/1', undefined, auth)
    expect(await json(response)).toEqual({ id: 1, userId: '2', size: 'big' })
  })
})

describe('640: owner can read/write, logged can read', () => {
  it('[HAPPY] can list messages if logged', async () => {
    expect((await send(mock, 'GET', '/messages', undefined, auth)).status).toBe(200)
  })

  it('[HAPPY] can write new messages if logged', async () => {
    const response = await send(mock, 'POST', '/messages', { text: 'yo', userId: 2 }, auth)
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({ text: 'yo', id: 3, userId: 2 })
  })

  it('[HAPPY] can edit own messages', async () => {
    const response = await send(mock, 'PATCH', '/messages/2', { text: 'changed' }, auth)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ text: 'changed', id: 2, userId: 2 })
  })

  it('[HAPPY] can read messages from others', async () => {
    const response = await send(mock, 'GET', '/messages/1', undefined, auth)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ id: 1, text: 'other', userId: 1 })
  })

  it("[SAD] can't list messages if not logged", async () => {
    expect((await send(mock, 'GET', '/messages')).status).toBe(401)
  })
})

it('[HAPPY] creates another user after setting guards', async () => {
  const response = await send(mock, 'POST', '/users', {
    email: 'arthur@email.com',
    password: '1234',
  })
  expect(response.status).toBe(201)
  const { accessToken } = (await json(response)) as { accessToken: string }
  const other = { Authorization: `Bearer ${accessToken}` }
  expect((await send(mock, 'GET', '/users/3', undefined, other)).status).toBe(200)
  const put = await send(
    mock,
    'PUT',
    '/users/3',
    { email: 'arthur@email.com', password: '1234' },
    other,
  )
  expect(put.status).toBe(200)
})

it('[HAPPY] other methods pass through', async () => {
  const options = await send(mock, 'OPTIONS', '/users/1')
  expect(options.status).toBe(204)
  expect(options.headers.get('allow')).toBe('GET, HEAD, PUT, PATCH, DELETE, OPTIONS')
  expect((await send(mock, 'HEAD', '/users/1')).status).toBe(200)
})
