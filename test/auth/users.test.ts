// json-server-auth's src/__tests__/users.ts, over HTTP. Its bare-string error bodies are fauxrest's
// `{ "error": … }` here: the messages still match the same patterns.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, send } from '../helpers.ts'
import { USER, authMock } from './json-server-auth.ts'

let mock: Mock
beforeEach(async () => {
  mock = await authMock({ users: [] })
  await send(mock, 'POST', '/signup', USER)
})
afterEach(() => mock.close())

describe('Register user', () => {
  it('[HAPPY] registers and returns an access token and the user', async () => {
    const response = await send(mock, 'POST', '/register', {
      email: 'albert@mail.com',
      password: 'azerty123',
      name: 'Albert',
    })
    expect(response.status).toBe(201)
    const body = (await json(response)) as { accessToken: string; user: unknown }
    expect(body.accessToken).toMatch(/^[\w-]*\.[\w-]*\.[\w-]*$/)
    expect(body.user).toStrictEqual({ id: 2, email: 'albert@mail.com', name: 'Albert' })
    expect(Object.keys(body)).toEqual(['accessToken', 'user'])
  })

  it('[SAD] bad email', async () => {
    const response = await send(mock, 'POST', '/register', {
      email: 'albert@',
      password: 'azerty123',
    })
    expect(response.status).toBe(400)
    expect(await json(response)).toEqual({ error: 'Email format is invalid.' })
  })

  it('[SAD] lacks a password', async () => {
    const response = await send(mock, 'POST', '/register', { email: 'albert@mail.com' })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/required/i)
  })

  it('[SAD] email already exists', async () => {
    const response = await send(mock, 'POST', '/register', {
      email: 'jeremy@mail.com',
      password: 'azerty123',
    })
    expect(response.status).toBe(400)
    expect(await json(response)).toEqual({ error: 'Email already exists.' })
  })

  it('alternative routes', async () => {
    for (const path of ['/signup', '/users']) {
      const response = await send(mock, 'POST', path)
      expect(response.status).toBe(400)
      expect(await json(response)).toEqual({ error: 'Email and password are required.' })
    }
  })
})

describe('Login user', () => {
  it('[HAPPY] logs in and returns an access token', async () => {
    const response = await send(mock, 'POST', '/login', USER)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/"accessToken": ".*"/)
  })

  it('[SAD] user does not exist', async () => {
    const response = await send(mock, 'POST', '/login', { ...USER, email: 'arthur@mail.com' })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/cannot find user/i)
  })

  it('[SAD] wrong password', async () => {
    const response = await send(mock, 'POST', '/login', { ...USER, password: '172450' })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/incorrect password/i)
  })

  it('alternative route', async () => {
    const response = await send(mock, 'POST', '/signin')
    expect(response.status).toBe(400)
  })
})

describe('Query user', () => {
  it('[HAPPY] lists users (without their password)', async () => {
    const response = await send(mock, 'GET', '/users')
    expect(response.ok).toBe(true)
    expect(await json(response)).toEqual([{ id: 1, email: 'jeremy@mail.com', name: 'Jeremy' }])
  })
})

describe('Update user', () => {
  it('[HAPPY] updates the name', async () => {
    const response = await send(mock, 'PATCH', '/users/1', { name: 'Arthur' })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/"name": "Arthur"/)
  })

  it('[HAPPY] adds another property', async () => {
    const response = await send(mock, 'PATCH', '/users/1', { age: 20 })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/"age": 20/)
  })

  it('[HAPPY] modifies the email', async () => {
    const response = await send(mock, 'PATCH', '/users/1', { email: 'arthur@mail.com' })
    expect(response.status).toBe(200)
  })

  it('[HAPPY] modifies and hashes a new password', async () => {
    const password = '965dsd3si'
    const response = await send(mock, 'PATCH', '/users/1', { password })
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ id: 1, email: 'jeremy@mail.com', name: 'Jeremy' })
    const stored = mock.store.get('users', '1')?.['password']
    expect(stored).toMatch(/^\$2[ab]\$04\$/)
    expect((await send(mock, 'POST', '/login', { email: USER.email, password })).status).toBe(200)
  })

  it('[SAD] modifies the email with wrong input', async () => {
    const response = await send(mock, 'PATCH', '/users/1', { email: 'arthur' })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/email format/i)
  })

  it('[SAD] PUT with only one property', async () => {
    const response = await send(mock, 'PUT', '/users/1', { email: 'arthur@mail.com' })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/required/i)
  })
})
