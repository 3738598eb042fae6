import { sign } from 'hono/jwt'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { authMock, bearer, registered } from './json-server-auth.ts'

const SECRET = 'json-server-auth-123456'
// Written by json-server-auth (bcryptjs, cost 10) for the password "secret123".
const JSA_HASH = '$2a$10$zVczuOTYlzl7Glgi4TXOfuIwRkL4KPjhs7f0eeFcIoCj4Dg.kNGDW'

const DB = {
  users: [
    { id: 1, email: 'albert@mail.com', password: JSA_HASH },
    { id: 2, email: 'bea@mail.com', password: JSA_HASH },
  ],
  messages: [
    { id: 1, text: 'from albert', userId: 1 },
    { id: 2, text: 'from bea', userId: 2 },
    { id: 3, text: 'also from bea', userId: 2 },
  ],
  notes: [{ id: 1, text: 'public', userId: 1 }],
}

let mock: Mock
let albert: Record<string, string>
let bea: Record<string, string>
beforeEach(async () => {
  mock = await authMock(DB, { messages: 600 })
  albert = bearer(await tokenFor(1, 'albert@mail.com'))
  bea = bearer(await tokenFor(2, 'bea@mail.com'))
})
afterEach(() => mock.close())

function tokenFor(id: number, email: string, secret = SECRET, age = 0): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - age
  return sign({ email, iat, exp: iat + 3600, sub: String(id) }, secret, 'HS256')
}

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
  send(mock, 'GET', path, undefined, headers)

describe('log-in with a db written by json-server-auth', () => {
  it('accepts its bcrypt hashes and answers an HS256 token with sub, email, iat and exp', async () => {
    const response = await send(mock, 'POST', '/signin', {
      email: 'albert@mail.com',
      password: 'secret123',
    })
    expect(response.status).toBe(200)
    const body = (await json(response)) as { accessToken: string; user: unknown }
    expect(body.user).toEqual({ id: 1, email: 'albert@mail.com' })
    const [header = '', payload = ''] = body.accessToken.split('.')
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'HS256',
      typ: 'JWT',
    })
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      iat: number
      exp: number
    }
    expect(claims).toEqual({
      email: 'albert@mail.com',
      sub: '1',
      iat: claims.iat,
      exp: claims.iat + 3600,
    })
    expect(Math.abs(claims.iat - Date.now() / 1000)).toBeLessThan(60)
    const own = await get('/messages', bearer(body.accessToken))
    expect(await json(own)).toEqual([{ id: 1, text: 'from albert', userId: 1 }])
  })

  it('takes the secret and lifetime from the options', async () => {
    const other = await memoryMock({
      schema: structuredClone(DB),
      auth: { secret: 's3cret', expiresIn: '2h', rules: { messages: 600 } },
    })
    const response = await send(other, 'POST', '/login', {
      email: 'bea@mail.com',
      password: 'secret123',
    })
    const { accessToken } = (await json(response)) as { accessToken: string }
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { iat: number; exp: number }
    expect(claims.exp - claims.iat).toBe(7200)
    expect((await send(other, 'GET', '/messages', undefined, bearer(accessToken))).status).toBe(200)
    // A token signed with json-server-auth's default secret is refused by this server
    const refused = await send(other, 'GET', '/messages', undefined, bea)
    expect(refused.status).toBe(401)
    await other.close()
  })
})

describe('401 and 403', () => {
  it.each([
    [{}, 'Missing authorization header (Authorization: Bearer <accessToken>).', 'Bearer'],
    [
      { Authorization: 'Basic YTpi' },
      'Incorrect authorization scheme "Basic" (use Bearer).',
      'Bearer error="invalid_token"',
    ],
    [{ Authorization: 'Bearer' }, 'Missing token after Bearer.', 'Bearer error="invalid_token"'],
    [
      { Authorization: 'Bearer not.a.jwt' },
      'The token is malformed.',
      'Bearer error="invalid_token"',
    ],
  ])('answers 401 with WWW-Authenticate for %j', async (headers, error, challenge) => {
    const response = await get('/messages', headers)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe(challenge)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await json(response)).toEqual({ error })
  })

  it('answers 401 for a badly signed or expired token', async () => {
    const forged = await get('/messages', bearer(await tokenFor(2, 'bea@mail.com', 'wrong')))
    expect(forged.status).toBe(401)
    expect(await json(forged)).toEqual({ error: 'The token has an invalid signature.' })
    const expired = await get('/messages', bearer(await tokenFor(2, 'bea@mail.com', SECRET, 7200)))
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await json(expired)).toEqual({ error: 'The token has expired: log in again.' })
  })

  it('still refuses a token once it expires, though it was accepted before', async () => {
    expect((await get('/messages', bea)).status).toBe(200)
    expect((await get('/messages', bea)).status).toBe(200)
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 3600 * 1000)
      const late = await get('/messages', bea)
      expect(late.status).toBe(401)
      expect(late.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
      expect(await json(late)).toEqual({ error: 'The token has expired: log in again.' })
    } finally {
      vi.useRealTimers()
    }
    expect((await get('/messages', albert)).status).toBe(200)
  })

  it('accepts the "Token" scheme some clients send, and ignores a bad token on open routes', async () => {
    const token = (bea['Authorization'] ?? '').replace('Bearer ', 'Token ')
    expect((await get('/messages', { Authorization: token })).status).toBe(200)
    expect((await get('/notes', { Authorization: 'Bearer nonsense' })).status).toBe(200)
  })

  it('403s a read or write of an item its rule denies, and changes nothing', async () => {
    expect((await get('/messages/1', bea)).status).toBe(403)
    for (const [method, body] of [
      ['PATCH', { text: 'x' }],
      ['PUT', { text: 'x' }],
      ['DELETE', undefined],
    ] as const) {
      const response = await send(mock, method, '/messages/1', body, bea)
      expect(response.status).toBe(403)
      expect(await json(response)).toEqual({
        error: 'Private resource: the item belongs to another user.',
      })
    }
    expect(mock.store.get('messages', '1')).toEqual({ id: 1, text: 'from albert', userId: 1 })
  })
})

describe('owned writes', () => {
  it('sets the owner of a new item to the caller when the body names none', async () => {
    const response = await send(mock, 'POST', '/messages', { text: 'hi' }, bea)
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({ text: 'hi', userId: 2, id: 4 })
  })

  it('refuses an item owned by someone else, and a change of owner', async () => {
    const created = await send(mock, 'POST', '/messages', { text: 'hi', userId: 1 }, bea)
    expect(created.status).toBe(403)
    expect(await json(created)).toEqual({
      error: 'Private resource: "userId" must be your own id (2).',
    })
    const moved = await send(mock, 'PATCH', '/messages/2', { userId: 1 }, bea)
    expect(moved.status).toBe(403)
    expect(mock.store.list('messages')).toHaveLength(3)
    expect(mock.store.get('messages', '2')).toEqual({ id: 2, text: 'from bea', userId: 2 })
  })

  it('keeps the owner of a replaced item', async () => {
    const response = await send(mock, 'PUT', '/messages/2', { text: 'replaced' }, bea)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ text: 'replaced', userId: 2, id: 2 })
  })
})

describe('what a caller may see', () => {
  it('lists only its own items, with X-Total-Count to match', async () => {
    const response = await get('/messages?_page=1&_limit=1', bea)
    expect(response.headers.get('x-total-count')).toBe('2')
    expect(await json(response)).toEqual([{ id: 2, text: 'from bea', userId: 2 }])
    const albertsPage = await get('/messages?_page=1&_limit=1', albert)
    expect(albertsPage.headers.get('x-total-count')).toBe('1')
    expect(await json(albertsPage)).toEqual([{ id: 1, text: 'from albert', userId: 1 }])
  })

  it('hides unreadable items from q, _embed, _expand, nested routes and /db', async () => {
    expect(await json(await get('/messages?q=from', albert))).toEqual([
      { id: 1, text: 'from albert', userId: 1 },
    ])
    expect(await json(await get('/users/2?_embed=messages'))).toEqual({
      id: 2,
      email: 'bea@mail.com',
      messages: [],
    })
    expect(await json(await get('/users/2?_embed=messages', albert))).toEqual({
      id: 2,
      email: 'bea@mail.com',
      messages: [],
    })
    expect(await json(await get('/notes/1?_expand=user'))).toEqual({
      id: 1,
      text: 'public',
      userId: 1,
      user: { id: 1, email: 'albert@mail.com' },
    })
    expect((await get('/users/2/messages', albert)).status).toBe(200)
    expect(await json(await get('/users/2/messages', albert))).toEqual([])
    expect(await json(await get('/db', albert))).toEqual({
      users: [
        { id: 1, email: 'albert@mail.com' },
        { id: 2, email: 'bea@mail.com' },
      ],
      messages: [{ id: 1, text: 'from albert', userId: 1 }],
      notes: [{ id: 1, text: 'public', userId: 1 }],
    })
  })

  it('never sends a password hash, nor finds one by filter', async () => {
    expect(await json(await get('/users?password_like=^\\$2a'))).toEqual([])
    expect(await json(await get('/users/1'))).toEqual({ id: 1, email: 'albert@mail.com' })
  })
})

describe('guard prefixes', () => {
  it.each([
    ['664', [200, 401, 201]],
    ['660', [401, 401, 201]],
    ['644', [200, 401, 201]],
    ['640', [401, 401, 201]],
    ['600', [401, 401, 201]],
    ['444', [200, 403, 403]],
    ['440', [401, 403, 403]],
    ['400', [401, 403, 403]],
  ] as const)(
    '/%s: read without a token, write without one, write own with one',
    async (mode, [read, anonymous, own]) => {
      expect((await get(`/${mode}/notes`)).status).toBe(read)
      expect((await send(mock, 'POST', `/${mode}/notes`, { text: 'x', userId: 1 })).status).toBe(
        anonymous,
      )
      expect(
        (await send(mock, 'POST', `/${mode}/notes`, { text: 'x', userId: 1 }, albert)).status,
      ).toBe(own)
    },
  )

  it('guards the resource its path names; HEAD and OPTIONS pass', async () => {
    expect(await json(await get('/600/notes', bea))).toEqual([])
    expect((await get('/600/notes/1', bea)).status).toBe(403)
    expect((await send(mock, 'HEAD', '/600/notes/1')).status).toBe(200)
    expect((await send(mock, 'OPTIONS', '/400/notes/1')).status).toBe(204)
    expect((await send(mock, 'PATCH', '/644/notes/1', { text: 'mine' }, bea)).status).toBe(403)
    expect((await send(mock, 'PATCH', '/644/notes/1', { text: 'mine' }, albert)).status).toBe(200)
  })

  it('registers through a prefixed users route', async () => {
    const headers = await registered(mock, { email: 'carl@mail.com', password: 'abcd' })
    expect(await json(await get('/600/users', headers))).toEqual([
      { id: 3, email: 'carl@mail.com' },
    ])
    const response = await send(mock, 'POST', '/660/users', {
      email: 'dan@mail.com',
      password: 'abcd',
    })
    expect(response.status).toBe(201)
  })
})
