import { afterEach, describe, expect, it } from 'vitest'
import type { Mock, MockOptions } from '../../src/mock.ts'
import { json, memoryMock, send } from '../helpers.ts'

const PETSTORE = new URL('../fixtures/openapi/petstore.yaml', import.meta.url).pathname

const opened: Mock[] = []
async function open(options: Partial<MockOptions> = {}): Promise<Mock> {
  const mock = await memoryMock({ schema: PETSTORE, ...options })
  opened.push(mock)
  return mock
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((mock) => mock.close()))
})

const basic = (user: string, password: string) => ({
  Authorization: `Basic ${btoa(`${user}:${password}`)}`,
})

describe('a served document’s security schemes', () => {
  it('take any well-formed credential without auth, and answer 401 in JSON without one', async () => {
    const mock = await open()
    const none = await send(mock, 'GET', '/pet/1')
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Bearer')
    expect(await json(none)).toEqual({
      error: 'A credential is required: the header api_key or Authorization: Bearer <token>.',
    })
    expect((await send(mock, 'GET', '/pet/1', undefined, { api_key: 'anything' })).status).toBe(200)
    const bearer = { Authorization: 'Bearer whatever' }
    expect((await send(mock, 'GET', '/pet/1', undefined, bearer)).status).toBe(200)
  })

  it('need a token fauxrest issued, as bearer or API key, once auth is configured', async () => {
    const mock = await open({ auth: { hashCost: 4 } })
    expect(mock.auth?.users).toBe('user')
    const made = { api_key: 'anything' }
    const refused = await send(mock, 'GET', '/pet/1', undefined, made)
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await json(refused)).toEqual({
      error: 'The credential is not valid: log in with POST /login and send its accessToken.',
    })
    expect((await send(mock, 'GET', '/pet/1')).status).toBe(401)
    const registered = await send(mock, 'POST', '/register', {
      email: 'ann@mail.com',
      password: 'abcd',
    })
    expect(registered.status).toBe(201)
    const { accessToken } = (await json(registered)) as { accessToken: string }
    const asKey = await send(mock, 'GET', '/pet/1', undefined, { api_key: accessToken })
    expect(asKey.status).toBe(200)
    expect(((await json(asKey)) as { id: number }).id).toBe(1)
    const asBearer = { Authorization: `Bearer ${accessToken}` }
    expect((await send(mock, 'GET', '/pet/1', undefined, asBearer)).status).toBe(200)
    const forged = { Authorization: `Bearer ${accessToken.slice(0, -2)}xx` }
    expect((await send(mock, 'GET', '/pet/1', undefined, forged)).status).toBe(401)
  })
})

describe('Basic credentials with auth configured', () => {
  const USER = {
    type: 'object',
    properties: {
      id: { type: 'integer', readOnly: true },
      email: { type: 'string', format: 'email' },
    },
  }
  const document = {
    openapi: '3.1.0',
    info: { title: 'Notes', version: '1' },
    components: { securitySchemes: { basic: { type: 'http', scheme: 'basic' } } },
    paths: {
      '/users': {
        get: {
          responses: {
            '200': {
              description: 'users',
              content: { 'application/json': { schema: { type: 'array', items: USER } } },
            },
          },
        },
      },
      '/users/{id}': {
        get: {
          security: [{ basic: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': { description: 'user', content: { 'application/json': { schema: USER } } },
          },
        },
      },
    },
  }

  it('are a user’s login name and password', async () => {
    const mock = await memoryMock({ schema: document, auth: { hashCost: 4 } })
    opened.push(mock)
    const registered = await send(mock, 'POST', '/register', {
      email: 'bo@mail.com',
      password: 'abcd',
    })
    const answer = (await json(registered)) as { user: { id: number } }
    expect(answer.user).toEqual({ id: 11, email: 'bo@mail.com' })
    const id = answer.user.id
    const right = await send(mock, 'GET', `/users/${id}`, undefined, basic('bo@mail.com', 'abcd'))
    expect(right.status).toBe(200)
    const wrong = await send(mock, 'GET', `/users/${id}`, undefined, basic('bo@mail.com', 'abce'))
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toBe('Basic')
    const nobody = await send(mock, 'GET', `/users/${id}`, undefined, basic('x@mail.com', 'abcd'))
    expect(nobody.status).toBe(401)
  })
})
