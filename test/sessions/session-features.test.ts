import { describe, expect, it } from 'vitest'
import { Sessions } from '../../src/sessions/sessions.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock, send } from '../helpers.ts'
import { USER, authMock, bearer } from '../auth/json-server-auth.ts'
import { sseReader } from '../feed/sse.ts'

const POST = { userId: 1, title: 'Hello', body: 'World' }
const session = (name: string) => ({ 'Fauxrest-Session': name })

describe('auth inside a session', () => {
  it('registers users in the session, whose tokens work there only', async () => {
    const mock = await authMock(
      { users: [{ id: 1, email: 'albert@gmail.com' }], notes: [] },
      { notes: 600 },
    )
    try {
      const registered = await send(mock, 'POST', '/register', USER, session('a'))
      expect(registered.status).toBe(201)
      expect(registered.headers.get('location')).toBe('/users/2')
      const { accessToken } = (await json(registered)) as { accessToken: string }
      const auth = { ...bearer(accessToken), ...session('a') }
      const note = await send(mock, 'POST', '/notes', { text: 'mine' }, auth)
      expect(await json(note)).toEqual({ text: 'mine', userId: 2, id: 1 })
      expect(await json(await send(mock, 'GET', '/notes', undefined, auth))).toEqual([
        { text: 'mine', userId: 2, id: 1 },
      ])
      // Not in the shared database, nor in another session
      const outside = await send(mock, 'POST', '/login', USER)
      expect(await json(outside)).toEqual({ error: 'Cannot find user.' })
      const elsewhere = await send(mock, 'GET', '/notes', undefined, {
        ...bearer(accessToken),
        ...session('b'),
      })
      expect(elsewhere.status).toBe(401)
      expect(await json(elsewhere)).toEqual({
        error: 'The token was issued in session "a": log in here.',
      })
      expect((await send(mock, 'GET', '/notes', undefined, bearer(accessToken))).status).toBe(401)
      const login = await send(mock, 'POST', '/_sessions/a/login', USER)
      expect(login.status).toBe(200)
    } finally {
      await mock.close()
    }
  })
})

describe('modes inside a session', () => {
  it('fake writes use up no id, and change nothing', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER, fakeWrites: true })
    try {
      for (let round = 0; round < 2; round++) {
        const created = await send(mock, 'POST', '/posts', POST, session('a'))
        expect(await json(created)).toEqual({ ...POST, id: 101 })
      }
      expect(await json(await send(mock, 'GET', '/_sessions/a'))).toMatchObject({ changes: 0 })
    } finally {
      await mock.close()
    }
  })

  it('read-only refuses writes in a session, its reset included', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER, readOnly: true })
    try {
      expect((await send(mock, 'POST', '/_sessions/a/posts', POST)).status).toBe(405)
      expect((await send(mock, 'POST', '/_sessions/a/_reset')).status).toBe(405)
    } finally {
      await mock.close()
    }
  })

  it('answers ?_status and waits ?_delay inside a session', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    try {
      const forced = await send(mock, 'GET', '/_sessions/a/posts/1?_status=503')
      expect(forced.status).toBe(503)
      const delayed = await send(mock, 'GET', '/posts/1?_delay=1', undefined, session('a'))
      expect(delayed.status).toBe(200)
    } finally {
      await mock.close()
    }
  })
})

describe('the change feed inside a session', () => {
  it('tells a session’s subscribers of that session’s changes only', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    try {
      const stream = await send(mock, 'GET', '/_sessions/a/_events')
      expect(stream.headers.get('content-type')).toBe('text/event-stream')
      const events = sseReader(stream)
      const shared = mock.changes()
      await send(mock, 'POST', '/posts', POST, session('b'))
      await send(mock, 'POST', '/posts', POST)
      await send(mock, 'PATCH', '/posts/1', { title: 'a' }, session('a'))
      const heard = await events.event()
      expect(heard?.event).toBe('updated')
      expect(heard?.data).toMatchObject({ resource: 'posts', id: 1, item: { title: 'a' } })
      expect((await shared.next()).value).toMatchObject({ type: 'created', id: 101 })
      await send(mock, 'POST', '/_reset', undefined, session('a'))
      expect(await events.event()).toMatchObject({ event: 'reset', data: { reason: 'reset' } })
      // Dropping the session ends its streams.
      await send(mock, 'DELETE', '/_sessions/a')
      expect(await events.rest()).toEqual([])
      await shared.return?.()
    } finally {
      await mock.close()
    }
  })
})

describe('Sessions', () => {
  async function sessionsOf(options: ConstructorParameters<typeof Sessions>[1]) {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    return { mock, sessions: new Sessions(mock.store.startup(), options) }
  }

  it('drops sessions idle longer than the idle time', async () => {
    let now = 0
    const { mock, sessions } = await sessionsOf({ idleMs: 60_000, now: () => now })
    sessions.open('a')
    now = 30_000
    sessions.open('b')
    now = 61_000
    expect(sessions.list().map((one) => one.name)).toEqual(['b'])
    now = 91_001
    expect(sessions.find('b')).toBeUndefined()
    await mock.close()
  })

  it('refuses one more than the cap with a 503 that says what to do', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER, maxSessions: 2 })
    try {
      await send(mock, 'GET', '/posts/1', undefined, session('a'))
      await send(mock, 'GET', '/_sessions/b/posts/1')
      const third = await send(mock, 'GET', '/posts/1', undefined, session('c'))
      expect(third.status).toBe(503)
      expect(await json(third)).toEqual({
        error:
          'Too many sessions: 2 are live, the most this server keeps. Drop one with DELETE /_sessions/NAME, or wait for idle ones to expire.',
      })
      // An existing session still works, and dropping one makes room.
      expect((await send(mock, 'GET', '/posts/1', undefined, session('a'))).status).toBe(200)
      await send(mock, 'DELETE', '/_sessions/a')
      expect((await send(mock, 'GET', '/posts/1', undefined, session('c'))).status).toBe(200)
    } finally {
      await mock.close()
    }
  })

  it('refuses bad limits at creation', async () => {
    await expect(memoryMock({ schema: JSONPLACEHOLDER, maxSessions: 0 })).rejects.toThrow(
      'maxSessions must be a whole number above 0, not 0',
    )
    await expect(memoryMock({ schema: JSONPLACEHOLDER, sessionIdle: 'soon' })).rejects.toThrow(
      'the session idle time must be seconds or a duration such as 30m, 1h or 7d, not "soon"',
    )
  })
})

describe('relations and singular resources inside a session', () => {
  const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname

  it('restricts a delete by the session’s own children', async () => {
    const mock = await memoryMock({ schema: LIBRARY })
    try {
      const books = mock.store.list('books').filter((book) => book['authorId'] === 1)
      expect(books.length).toBeGreaterThan(0)
      expect((await send(mock, 'DELETE', '/authors/1', undefined, session('a'))).status).toBe(409)
      for (const book of books) {
        await send(mock, 'DELETE', `/books/${String(book['id'])}`, undefined, session('a'))
      }
      expect((await send(mock, 'DELETE', '/authors/1', undefined, session('a'))).status).toBe(200)
      expect((await send(mock, 'DELETE', '/authors/1')).status).toBe(409)
      expect(mock.store.get('authors', 1)).toBeDefined()
    } finally {
      await mock.close()
    }
  })

  it('nullifies and cascades inside the session, and keeps a singular resource its own', async () => {
    const mock = await memoryMock({ schema: SHOP })
    try {
      const customer = String(mock.store.list('customers')[0]?.['id'])
      const lines = mock.store.byRef('lines', 'customerId', customer)
      expect(lines.length).toBeGreaterThan(0)
      const removed = await send(mock, 'DELETE', `/customers/${customer}`, undefined, session('a'))
      expect(removed.status).toBe(200)
      // Each line went with its order (cascade), or stays without a customer (nullify).
      const seen = await Promise.all(
        lines.map(async (line) => {
          const path = `/lines/${String(line['id'])}`
          const inside = await send(mock, 'GET', path, undefined, session('a'))
          const row = (await json(inside)) as Record<string, unknown>
          return inside.status === 200 ? row['customerId'] : inside.status
        }),
      )
      expect(seen.filter((value) => value !== null && value !== 404)).toEqual([])
      expect(mock.store.byRef('lines', 'customerId', customer)).toEqual(lines)
      const settings = (await json(await send(mock, 'GET', '/settings'))) as object
      const patched = await send(mock, 'PATCH', '/settings', { currency: 'USD' }, session('a'))
      expect(patched.status).toBe(200)
      expect(await json(await send(mock, 'GET', '/settings', undefined, session('a')))).toEqual(
        await json(patched),
      )
      expect(await json(await send(mock, 'GET', '/settings'))).toEqual(settings)
    } finally {
      await mock.close()
    }
  })
})
