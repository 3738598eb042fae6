import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/mock.ts'
import { sseReader } from '../feed/sse.ts'
import { JSONPLACEHOLDER, json, memoryMock, tempDir } from '../helpers.ts'
import { configFor, startWorkers, type Workers } from './worker-harness.ts'

// Sessions in a Worker, each in a Durable Object of its own: kept through a restart of the
// runtime, private to each other and to the shared data, listed, dropped and expired as on the
// Node server (which answers the same requests beside it, for comparison).
let folder: Awaited<ReturnType<typeof tempDir>>
let workers: Workers
let node: Mock
const NAME = 'jsonplaceholder'
// Every session of this Worker has expired by its next request (an idle time below zero).
const IDLE = 'expiring'
// This one keeps one session at most.
const ONE = 'one-session'

const start = async (): Promise<Workers> =>
  startWorkers(
    [
      await configFor(NAME, JSONPLACEHOLDER),
      { ...(await configFor(IDLE, JSONPLACEHOLDER)), sessions: { idleMs: -1 } },
      { ...(await configFor(ONE, JSONPLACEHOLDER)), sessions: { maxSessions: 1 } },
    ],
    folder.path,
  )
const restart = async (): Promise<void> => {
  await workers.dispose()
  workers = await start()
}
const jsonInit = (method: string, body: unknown, session?: string): RequestInit => ({
  method,
  headers: {
    'Content-Type': 'application/json',
    ...(session === undefined ? {} : { 'Fauxrest-Session': session }),
  },
  body: JSON.stringify(body),
})
/** The same request to the Worker and to the Node server: both answers, status and body. */
const both = async (path: string, init: RequestInit = {}): Promise<[unknown, unknown]> => {
  const worker = await workers.request(NAME, path, init)
  const local = await node.app.request(path, init)
  return [
    [worker.status, await worker.text()],
    [local.status, await local.text()],
  ]
}
const text = async (path: string, init: RequestInit = {}, worker = NAME): Promise<string> =>
  (await workers.request(worker, path, init)).text()

beforeAll(async () => {
  folder = await tempDir()
  workers = await start()
  node = await memoryMock({ schema: JSONPLACEHOLDER })
})
afterAll(async () => {
  await workers.dispose()
  await node.close()
  await folder.remove()
})

describe('a session in its own Durable Object', () => {
  it('keeps its writes through a restart, where neither other sessions nor the shared data see them', async () => {
    const shared = await text('/db')
    const writes: [string, RequestInit][] = [
      ['/posts', jsonInit('POST', { userId: 1, title: 'mine', body: 'b' }, 'a')],
      ['/_sessions/a/users/1', jsonInit('PATCH', { name: 'Only in a' })],
      ['/_sessions/a/posts/1', { method: 'DELETE' }],
      ['/_sessions/b/todos', jsonInit('POST', { userId: 2, title: 'b', completed: false })],
    ]
    for (const [path, init] of writes) {
      const [worker, local] = await both(path, init)
      expect(worker).toEqual(local)
    }
    const [created] = await both('/_sessions/a/posts/101')
    expect(created).toEqual([
      200,
      JSON.stringify({ userId: 1, title: 'mine', body: 'b', id: 101 }, null, 2),
    ])
    expect(
      (await workers.request(NAME, '/posts/101', { headers: { 'Fauxrest-Session': 'b' } })).status,
    ).toBe(404)
    expect((await workers.request(NAME, '/_sessions/b/comments?postId=1')).status).toBe(200)
    expect(await json(await workers.request(NAME, '/_sessions/a/comments?postId=1'))).toEqual([])
    const inA = await text('/_sessions/a/db')
    const inB = await text('/_sessions/b/db')
    expect(inA).toBe(await (await node.app.request('/_sessions/a/db')).text())
    expect(await text('/db')).toBe(shared)

    await restart()

    expect(await text('/_sessions/a/db')).toBe(inA)
    expect(await text('/_sessions/b/db')).toBe(inB)
    expect(await text('/db')).toBe(shared)
    // Its ids go on from where they were.
    const [next, nextOnNode] = await both(
      '/_sessions/a/posts',
      jsonInit('POST', { userId: 1, title: 'next', body: 'b' }),
    )
    expect(next).toEqual(nextOnNode)
    expect(next).toEqual([
      201,
      JSON.stringify({ userId: 1, title: 'next', body: 'b', id: 102 }, null, 2),
    ])
  })

  it('lists the sessions with what each holds, as the Node server does', async () => {
    const listed = (await json(await workers.request(NAME, '/_sessions'))) as {
      sessions: { name: string; changes: number; bytes: number; subscribers: number }[]
    }
    const onNode = (await json(await node.app.request('/_sessions'))) as typeof listed
    const sizes = (list: typeof listed) =>
      list.sessions.map(({ name, changes, bytes, subscribers }) => ({
        name,
        changes,
        bytes,
        subscribers,
      }))
    expect(listed).toEqual(expect.objectContaining({ count: 2, max: 1000, idleSeconds: 1800 }))
    expect(sizes(listed)).toEqual(sizes(onNode))
    expect(sizes(listed).map((session) => session.name)).toEqual(['a', 'b'])
    const one = (await json(await workers.request(NAME, '/_sessions/a'))) as { name: string }
    expect(one).toEqual(listed.sessions[0])
  })

  it('resets a session to the start-up data, its ids still unused after a restart', async () => {
    const [reset, resetOnNode] = await both('/_sessions/a/_reset', { method: 'POST' })
    expect(reset).toEqual(resetOnNode)
    expect(await text('/_sessions/a/db')).toBe(await text('/db'))
    await restart()
    expect(await text('/_sessions/a/db')).toBe(await text('/db'))
    const [created] = await both(
      '/_sessions/a/posts',
      jsonInit('POST', { userId: 1, title: 'after', body: 'b' }),
    )
    expect(created).toEqual([
      201,
      JSON.stringify({ userId: 1, title: 'after', body: 'b', id: 103 }, null, 2),
    ])
  })

  it('drops a session on DELETE /_sessions/NAME, its storage with it', async () => {
    const [dropped, droppedOnNode] = await both('/_sessions/a', { method: 'DELETE' })
    expect(dropped).toEqual(droppedOnNode)
    expect(dropped).toEqual([200, '{}'])
    const [gone, goneOnNode] = await both('/_sessions/a')
    expect(gone).toEqual(goneOnNode)
    expect(gone).toEqual([404, JSON.stringify({ error: 'There is no session "a".' }, null, 2)])
    expect(await both('/_sessions/a', { method: 'DELETE' })).toEqual([gone, gone])
    await restart()
    expect((await workers.request(NAME, '/_sessions/a')).status).toBe(404)
    // Made again on first use, from the start-up data: its first post is 101 again.
    const [created] = await both(
      '/_sessions/a/posts',
      jsonInit('POST', { userId: 1, title: 'again', body: 'b' }),
    )
    expect(created).toEqual([
      201,
      JSON.stringify({ userId: 1, title: 'again', body: 'b', id: 101 }, null, 2),
    ])
    const names = (await json(await workers.request(NAME, '/_sessions'))) as {
      sessions: { name: string }[]
    }
    expect(names.sessions.map((session) => session.name)).toEqual(['b', 'a'])
  })

  it('drops an idle session: it is no longer listed, and its next use starts afresh', async () => {
    const post = jsonInit('POST', { userId: 1, title: 'idle', body: 'b' })
    expect((await workers.request(IDLE, '/_sessions/x/posts', post)).status).toBe(201)
    expect((await workers.request(IDLE, '/_sessions/y/posts', post)).status).toBe(201)
    expect(await json(await workers.request(IDLE, '/_sessions/x'))).toEqual({
      error: 'There is no session "x".',
    })
    expect(await json(await workers.request(IDLE, '/_sessions'))).toEqual({
      count: 0,
      max: 1000,
      idleSeconds: 0,
      sessions: [],
    })
    expect((await workers.request(IDLE, '/_sessions/y/posts/101')).status).toBe(404)
  })

  it('refuses a session beyond --max-sessions with a 503 until one is dropped', async () => {
    expect((await workers.request(ONE, '/_sessions/p/posts/1')).status).toBe(200)
    const refused = await workers.request(ONE, '/posts/1', {
      headers: { 'Fauxrest-Session': 'q', Origin: 'http://example.test' },
    })
    expect([
      refused.status,
      refused.headers.get('access-control-allow-origin'),
      await json(refused),
    ]).toEqual([
      503,
      'http://example.test',
      {
        error:
          'Too many sessions: 1 are live, the most this server keeps. Drop one with DELETE /_sessions/NAME, or wait for idle ones to expire.',
      },
    ])
    expect((await workers.request(ONE, '/_sessions/p', { method: 'DELETE' })).status).toBe(200)
    expect((await workers.request(ONE, '/_sessions/q/posts/1')).status).toBe(200)
    expect((await workers.request(ONE, '/_sessions/p/posts/1')).status).toBe(503)
  })

  it('answers a bad name, or a header and a path naming different sessions, with a 400', async () => {
    const [bad, badOnNode] = await both('/_sessions/a%20b/posts')
    expect(bad).toEqual(badOnNode)
    expect((bad as [number])[0]).toBe(400)
    const init = { headers: { 'Fauxrest-Session': 'c' } }
    const [mixed, mixedOnNode] = await both('/_sessions/a/posts/1', init)
    expect(mixed).toEqual(mixedOnNode)
    expect((mixed as [number])[0]).toBe(400)
  })

  it("streams a session's own changes from its object, keeps it while listened to, and ends the stream on a drop", async () => {
    const stream = await workers.mf.dispatchFetch('http://localhost/_sessions/e/_events')
    expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream'])
    const events = sseReader(stream as unknown as Response)
    const post = jsonInit('POST', { userId: 1, title: 't', body: 'b' })
    expect((await workers.request(NAME, '/_sessions/f/posts', post)).status).toBe(201)
    expect((await workers.request(NAME, '/posts', post)).status).toBe(201)
    const patch = jsonInit('PATCH', { title: 'in e' }, 'e')
    expect((await workers.request(NAME, '/posts/1', patch)).status).toBe(200)
    const heard = await events.event()
    expect(heard?.event).toBe('updated')
    expect(heard?.data).toMatchObject({ resource: 'posts', id: 1, item: { title: 'in e' } })
    const listed = (await json(await workers.request(NAME, '/_sessions/e'))) as object
    expect(listed).toMatchObject({ name: 'e', changes: 1, subscribers: 1 })
    expect((await workers.request(NAME, '/_sessions/e', { method: 'DELETE' })).status).toBe(200)
    expect(await events.rest()).toEqual([])
  })
})
