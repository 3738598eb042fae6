import { afterEach, describe, expect, it } from 'vitest'
import type { Mock, MockOptions } from '../../src/index.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { sseReader, type SseReader } from './sse.ts'

const SCHEMA = {
  seed: 1,
  resources: {
    users: { count: 2, fields: { name: { value: 'Ann' } } },
    posts: { count: 4, fields: { userId: { ref: 'users' }, title: { value: 'Hello' } } },
    comments: {
      count: 4,
      fields: {
        postId: { ref: 'posts', nullable: true, onDelete: 'nullify' },
        body: { value: 'Nice' },
      },
    },
    settings: { singular: true, fields: { theme: { value: 'dark' } } },
  },
}

let mock: Mock | undefined
const readers: SseReader[] = []
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.cancel()))
  await mock?.close()
  mock = undefined
})

async function open(options: Partial<MockOptions> = {}): Promise<Mock> {
  mock = await memoryMock({ schema: SCHEMA, ...options })
  return mock
}

/** A subscriber through app.request, past its opening message (`retry:` and position). */
async function subscribe(
  target: Mock,
  query = '',
  headers: Record<string, string> = {},
): Promise<SseReader> {
  const response = await target.app.request(`/_events${query}`, { headers })
  expect(response.status).toBe(200)
  const reader = sseReader(response)
  readers.push(reader)
  const opening = await reader.next()
  expect(opening).toMatchObject({ retry: '2000' })
  return reader
}

const POST = { userId: 1, title: 'New' }

describe('GET /_events', () => {
  it('streams created, updated and deleted, each with an id, the item and the previous one', async () => {
    const target = await open()
    const reader = await subscribe(target)
    expect((await send(target, 'POST', '/posts', POST)).status).toBe(201)
    expect((await send(target, 'PATCH', '/posts/5', { title: 'Edited' })).status).toBe(200)
    expect((await send(target, 'DELETE', '/posts/5')).status).toBe(200)
    const created = { userId: 1, title: 'New', id: 5 }
    const edited = { userId: 1, title: 'Edited', id: 5 }
    const epoch = target.feed.epoch
    expect(await reader.events(3)).toEqual([
      {
        event: 'created',
        id: `${epoch}-1`,
        data: { resource: 'posts', id: 5, item: created },
      },
      {
        event: 'updated',
        id: `${epoch}-2`,
        data: { resource: 'posts', id: 5, item: edited, previous: created },
      },
      {
        event: 'deleted',
        id: `${epoch}-3`,
        data: { resource: 'posts', id: 5, item: null, previous: edited },
      },
    ])
  })

  it('answers as EventSource needs: stream headers, CORS, retry and the current position', async () => {
    const target = await open()
    await send(target, 'POST', '/users', { name: 'Bo' })
    const response = await target.app.request('/_events')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(response.headers.get('cache-control')).toBe('no-cache')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const reader = sseReader(response)
    readers.push(reader)
    expect(await reader.next()).toEqual({ retry: '2000', id: `${target.feed.epoch}-1` })
  })

  it('has no CORS header under --no-cors', async () => {
    const target = await open({ cors: false })
    const response = await target.app.request('/_events')
    await response.body?.cancel()
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('narrows by resource, by id and by nested path; repeated parameters add up', async () => {
    const target = await open()
    const users = await subscribe(target, '?resource=users')
    const post6 = await subscribe(target, '?resource=posts&id=6')
    const nested = await subscribe(target, '?path=/users/2/posts')
    const either = await subscribe(target, '?resource=users&path=/posts/5')
    const setting = await subscribe(target, '?path=/settings')

    await send(target, 'POST', '/posts', POST) // post 5, user 1
    await send(target, 'POST', '/users/2/posts', { title: 'Nested' }) // post 6, user 2
    await send(target, 'POST', '/users', { name: 'Cy' }) // user 3
    await send(target, 'PATCH', '/posts/5', { userId: 2 }) // moves into /users/2/posts
    await send(target, 'PATCH', '/settings', { theme: 'light' })
    await send(target, 'POST', '/_reset')

    const names = async (reader: SseReader, count: number) =>
      (await reader.events(count)).map(({ event, data }) => {
        const { resource, id } = data as { resource?: string; id?: unknown }
        return resource === undefined ? event : `${event} ${resource} ${String(id)}`
      })
    expect(await names(users, 2)).toEqual(['created users 3', 'reset'])
    expect(await names(post6, 2)).toEqual(['created posts 6', 'reset'])
    expect(await names(nested, 3)).toEqual(['created posts 6', 'updated posts 5', 'reset'])
    expect(await names(either, 4)).toEqual([
      'created posts 5',
      'created users 3',
      'updated posts 5',
      'reset',
    ])
    expect(await names(setting, 2)).toEqual(['updated settings null', 'reset'])
  })

  it('sends an event for every item a cascade deletes or nullifies, the deleted item first', async () => {
    const target = await open()
    const comments = (await json(await send(target, 'GET', '/comments'))) as {
      id: number
      postId: number | null
    }[]
    const reader = await subscribe(target)
    expect((await send(target, 'DELETE', '/users/1')).status).toBe(200)
    const orphaned = comments.filter((comment) => comment.postId === 1 || comment.postId === 2)
    expect(orphaned.length).toBeGreaterThan(0)
    const heard = await reader.events(3 + orphaned.length)
    expect(heard.map(({ event, data }) => [event, data])).toEqual([
      ['deleted', { resource: 'users', id: 1, item: null, previous: { name: 'Ann', id: 1 } }],
      [
        'deleted',
        {
          resource: 'posts',
          id: 1,
          item: null,
          previous: { userId: 1, title: 'Hello', id: 1 },
        },
      ],
      [
        'deleted',
        {
          resource: 'posts',
          id: 2,
          item: null,
          previous: { userId: 1, title: 'Hello', id: 2 },
        },
      ],
      ...orphaned.map((comment) => [
        'updated',
        {
          resource: 'comments',
          id: comment.id,
          item: { ...comment, postId: null },
          previous: comment,
        },
      ]),
    ])
  })

  it('emits reset on POST /_reset, to every subscriber', async () => {
    const target = await open()
    const reader = await subscribe(target, '?resource=posts&id=1')
    await send(target, 'POST', '/_reset')
    expect(await reader.event()).toEqual({
      event: 'reset',
      id: `${target.feed.epoch}-1`,
      data: { reason: 'reset' },
    })
  })

  it.each([
    [
      '?resource=post',
      'Invalid query parameter "resource": unknown resource "post" (did you mean "posts"?).',
    ],
    ['?id=1', 'Invalid query parameter "id": needs a resource (?resource=posts&id=7).'],
    [
      '?topic=posts',
      'Invalid query parameter "topic": unknown parameter (use resource, id or path).',
    ],
    [
      '?path=posts',
      'Invalid query parameter "path": "posts" is not a path such as /posts, /posts/7 or /users/1/posts.',
    ],
    [
      '?path=/posts/1/users',
      'Invalid query parameter "path": "/posts/1/users": posts have no nested "users" (no ref leads there).',
    ],
    [
      '?path=/settings/1',
      'Invalid query parameter "path": "/settings/1": settings is a singular resource.',
    ],
  ])('answers 400 for %s, before any stream starts', async (query, message) => {
    const target = await open()
    const response = await target.app.request(`/_events${query}`)
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const { error } = (await json(response)) as { error: string }
    expect(error).toBe(message)
  })

  it('ignores _-prefixed parameters (cache busters)', async () => {
    const target = await open()
    const response = await target.app.request('/_events?_=1700000000')
    await response.body?.cancel()
    expect(response.status).toBe(200)
  })

  it('answers HEAD without a stream, OPTIONS with Allow, other methods with 405', async () => {
    const target = await open()
    const head = await target.app.request('/_events', { method: 'HEAD' })
    expect([head.status, head.headers.get('content-type'), await head.text()]).toEqual([
      200,
      'text/event-stream',
      '',
    ])
    const options = await target.app.request('/_events', { method: 'OPTIONS' })
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'GET, HEAD, OPTIONS'])
    const post = await target.app.request('/_events', { method: 'POST' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    expect(await json(post)).toEqual({
      error: 'POST is not allowed here. Allowed: GET, HEAD, OPTIONS.',
    })
  })

  it('marks the events of fake writes as fake; nothing changes', async () => {
    const target = await open({ fakeWrites: true })
    const reader = await subscribe(target)
    await send(target, 'POST', '/posts', POST)
    await send(target, 'PUT', '/posts/1', { userId: 2, title: 'Put' })
    await send(target, 'DELETE', '/users/2')
    const heard = await reader.events(3)
    expect(heard.map(({ event, data }) => [event, data])).toEqual([
      ['created', { resource: 'posts', id: 5, item: { ...POST, id: 5 }, fake: true }],
      [
        'updated',
        {
          resource: 'posts',
          id: 1,
          item: { userId: 2, title: 'Put', id: 1 },
          previous: { userId: 1, title: 'Hello', id: 1 },
          fake: true,
        },
      ],
      [
        'deleted',
        {
          resource: 'users',
          id: 2,
          item: null,
          previous: { name: 'Ann', id: 2 },
          fake: true,
        },
      ],
    ])
    // The cascade of the fake delete is announced too, and nothing was changed.
    const cascade = await reader.events(2)
    expect(cascade.map(({ data }) => data)).toMatchObject([
      { resource: 'posts', id: 3, fake: true },
      { resource: 'posts', id: 4, fake: true },
    ])
    expect(await json(await send(target, 'GET', '/posts/1'))).toEqual({
      userId: 1,
      title: 'Hello',
      id: 1,
    })
  })

  it('replays what a client missed after its Last-Event-ID, through its filter', async () => {
    const target = await open()
    const first = await subscribe(target)
    await send(target, 'POST', '/posts', POST)
    const [seen] = await first.events(1)
    await first.cancel()
    // While the client is away
    await send(target, 'POST', '/users', { name: 'Cy' })
    await send(target, 'PATCH', '/posts/5', { title: 'Later' })
    await send(target, 'DELETE', '/posts/5')

    const again = await target.app.request('/_events?resource=posts', {
      headers: { 'Last-Event-ID': seen?.id ?? '' },
    })
    const reader = sseReader(again)
    readers.push(reader)
    // A client that names its position is not told a new one.
    expect(await reader.next()).toEqual({ retry: '2000' })
    const epoch = target.feed.epoch
    expect((await reader.events(2)).map(({ event, id }) => [event, id])).toEqual([
      ['updated', `${epoch}-3`],
      ['deleted', `${epoch}-4`],
    ])
    await send(target, 'POST', '/posts', POST)
    expect(await reader.event()).toMatchObject({ event: 'created', id: `${epoch}-5` })
  })

  it.each([
    ['an id the history no longer follows', (epoch: string) => `${epoch}-1`],
    ['an id from another run of the server', () => 'someone-else-2'],
    ['an id from the future', (epoch: string) => `${epoch}-99`],
    ['an id that is not one', () => 'garbage'],
  ])('sends reset first for %s', async (_, lastId) => {
    const target = await open({ feed: { historySize: 2 } })
    // The history keeps events 3 and 4: a client that saw 1 has missed 2.
    for (const name of ['A', 'B', 'C', 'D']) await send(target, 'POST', '/users', { name })
    const response = await target.app.request('/_events', {
      headers: { 'Last-Event-ID': lastId(target.feed.epoch) },
    })
    const reader = sseReader(response)
    readers.push(reader)
    await reader.next()
    expect(await reader.event()).toEqual({
      event: 'reset',
      id: `${target.feed.epoch}-4`,
      data: { reason: 'missed' },
    })
  })

  it('keeps an idle stream open with comments', async () => {
    const target = await open({ feed: { keepAliveMs: 5 } })
    const reader = await subscribe(target)
    expect(await reader.next()).toEqual({ comment: 'keep-alive' })
    expect(await reader.next()).toEqual({ comment: 'keep-alive' })
  })

  it('drops a client that stops reading with a final reset; writes are answered meanwhile', async () => {
    const target = await open({ feed: { bufferChars: 2000 } })
    const response = await target.app.request('/_events?resource=users')
    const answers = []
    // The client reads nothing while 60 events (about 4 kB) are published.
    for (let index = 0; index < 60; index++) {
      answers.push((await send(target, 'POST', '/users', { name: `user ${index}` })).status)
    }
    expect(answers).toEqual(Array.from({ length: 60 }, () => 201))
    expect(target.feed.subscribers).toBe(0)
    const messages = await sseReader(response).rest()
    const events = messages.filter((message) => message.data !== undefined)
    const last = events.at(-1)
    expect(last).toMatchObject({ event: 'reset', data: '{"reason":"overflow"}' })
    // What came before the reset is an unbroken run of the first users created.
    const names = events.slice(0, -1).map((message) => {
      const { item } = JSON.parse(message.data ?? '') as { item: { name: string } }
      return item.name
    })
    expect(names).toEqual(names.map((_, index) => `user ${index}`))
    expect(names.length).toBeLessThan(60)
  })
})

describe('createMock changes()', () => {
  it('iterates the changes from the moment it is made', async () => {
    const target = await open()
    await send(target, 'POST', '/users', { name: 'Before' })
    const changes = target.changes()
    await send(target, 'POST', '/posts', POST)
    await send(target, 'PATCH', '/posts/5', { title: 'Edited' })
    await target.reset()
    const heard = []
    for await (const change of changes) {
      heard.push(change)
      if (heard.length === 3) break
    }
    expect(heard).toEqual([
      { type: 'created', resource: 'posts', id: 5, item: { ...POST, id: 5 } },
      {
        type: 'updated',
        resource: 'posts',
        id: 5,
        item: { ...POST, title: 'Edited', id: 5 },
        previous: { ...POST, id: 5 },
      },
      { type: 'reset', reason: 'reset' },
    ])
    expect(target.feed.subscribers).toBe(0)
  })
})
