import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSONPLACEHOLDER, json, memoryMock, tempDir } from '../helpers.ts'
import { configFor, startWorkers, type Workers } from './worker-harness.ts'

// --fake-writes and --read-only: the Worker answers every request itself, with no Durable Object.
let folder: Awaited<ReturnType<typeof tempDir>>
let workers: Workers
beforeAll(async () => {
  folder = await tempDir()
  const node = await memoryMock({ schema: JSONPLACEHOLDER })
  const data = (await json(await node.app.request('/db'))) as Record<string, never>
  await node.close()
  workers = await startWorkers(
    [
      // Data built in, as `fauxrest worker` writes it; the other generates it on start.
      { ...(await configFor('fake', JSONPLACEHOLDER, { fakeWrites: true })), data },
      await configFor('read-only', JSONPLACEHOLDER, { readOnly: true }),
    ],
    folder.path,
  )
})
afterAll(async () => {
  await workers.dispose()
  await folder.remove()
})

const post = (worker: string): Promise<Response> =>
  workers.request(worker, '/posts', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId: 1, title: 't', body: 'b' }),
  })

describe('a stateless Worker', () => {
  it('with fake writes answers a write as if applied, and nothing changes', async () => {
    for (let round = 0; round < 2; round++) {
      const answer = await post('fake')
      expect([answer.status, await json(answer)]).toEqual([
        201,
        { userId: 1, title: 't', body: 'b', id: 101 },
      ])
    }
    expect((await workers.request('fake', '/posts/101')).status).toBe(404)
    const invalid = await workers.request('fake', '/posts/1', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 'x' }),
    })
    expect(invalid.status).toBe(422)
  })

  it('read-only answers 405 to a write and serves the generated data', async () => {
    const answer = await post('read-only')
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
    const node = await memoryMock({ schema: JSONPLACEHOLDER })
    const expected = await (await node.app.request('/db')).text()
    await node.close()
    expect(await (await workers.request('read-only', '/db')).text()).toBe(expected)
    expect(await (await workers.request('fake', '/db')).text()).toBe(expected)
  })
})
