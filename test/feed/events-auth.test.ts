import { afterEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { authMock, registered } from '../auth/json-server-auth.ts'
import { send } from '../helpers.ts'
import { sseReader, type SseReader } from './sse.ts'

const DB = {
  users: [],
  messages: [],
  notes: [],
}

let mock: Mock | undefined
const readers: SseReader[] = []
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.cancel()))
  await mock?.close()
  mock = undefined
})

async function subscribe(target: Mock, headers: Record<string, string> = {}): Promise<SseReader> {
  const response = await target.app.request('/_events', { headers })
  expect(response.status).toBe(200)
  const reader = sseReader(response)
  readers.push(reader)
  await reader.next()
  return reader
}

describe('/_events with auth on', () => {
  it('tells each client only what it may read, and never a password hash', async () => {
    const target = (mock = await authMock(DB, { messages: 600 }))
    const anonymous = await subscribe(target)
    const albert = await registered(target, { email: 'albert@mail.com', password: 'secret123' })
    const bea = await registered(target, { email: 'bea@mail.com', password: 'secret123' })
    const albertHears = await subscribe(target, albert)
    const beaHears = await subscribe(target, bea)

    await send(target, 'POST', '/messages', { text: 'for albert', userId: 1 }, albert)
    await send(target, 'POST', '/messages', { text: 'for bea', userId: 2 }, bea)
    await send(target, 'POST', '/notes', { text: 'public' }, bea)

    const summary = async (reader: SseReader, count: number) =>
      (await reader.events(count)).map(({ event, data }) => {
        const { resource, item } = data as { resource: string; item: Record<string, unknown> }
        return `${event} ${resource} ${JSON.stringify(item)}`
      })
    // The anonymous client heard both registrations, without the hashes, then the public note.
    expect(await summary(anonymous, 3)).toEqual([
      'created users {"email":"albert@mail.com","id":1}',
      'created users {"email":"bea@mail.com","id":2}',
      'created notes {"text":"public","id":1}',
    ])
    expect(await summary(albertHears, 2)).toEqual([
      'created messages {"text":"for albert","userId":1,"id":1}',
      'created notes {"text":"public","id":1}',
    ])
    expect(await summary(beaHears, 2)).toEqual([
      'created messages {"text":"for bea","userId":2,"id":2}',
      'created notes {"text":"public","id":1}',
    ])
  })

  it('answers 401 for a token that does not check out', async () => {
    const target = (mock = await authMock(DB, { messages: 600 }))
    const response = await target.app.request('/_events', {
      headers: { Authorization: 'Bearer not.a.token' },
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    expect(await response.json()).toEqual({ error: 'The token is malformed.' })
  })
})
