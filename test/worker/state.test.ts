import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCS_ASSET_NAMES, docsAssetPath } from '../../src/node/docs-assets.ts'
import { JSONPLACEHOLDER, json, memoryMock, tempDir } from '../helpers.ts'
import { configFor, startWorkers, type Workers } from './worker-harness.ts'

// The Worker's data in its Durable Object: generated as the Node server generates it, every
// acknowledged write kept through a restart of the runtime, imports, and the docs' own assets.
let folder: Awaited<ReturnType<typeof tempDir>>
let workers: Workers
const NAME = 'jsonplaceholder'

const start = async (): Promise<Workers> =>
  startWorkers([await configFor(NAME, JSONPLACEHOLDER)], folder.path)
const request = (path: string, init: RequestInit = {}): Promise<Response> =>
  workers.request(NAME, path, init)
const post = (path: string, body: unknown): Promise<Response> =>
  request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const restart = async (): Promise<void> => {
  await workers.dispose()
  workers = await start()
}

beforeAll(async () => {
  folder = await tempDir()
  workers = await start()
})
afterAll(async () => {
  await workers.dispose()
  await folder.remove()
})

describe('the Worker with its Durable Object', () => {
  it('generates the data the Node server generates from the seed, byte for byte', async () => {
    const node = await memoryMock({ schema: JSONPLACEHOLDER })
    const expected = await (await node.app.request('/db')).text()
    await node.close()
    expect(await (await request('/db')).text()).toBe(expected)
  })

  it('keeps every answered write through a restart of the runtime, in list order', async () => {
    const created = await post('/posts', { userId: 1, title: 'kept', body: 'b' })
    expect([created.status, await json(created)]).toEqual([
      201,
      { userId: 1, title: 'kept', body: 'b', id: 101 },
    ])
    const patched = await request('/todos/2', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ completed: true }),
    })
    expect(patched.status).toBe(200)
    expect((await request('/users/3', { method: 'DELETE' })).status).toBe(200)
    const before = await (await request('/db')).text()

    await restart()

    expect(await (await request('/db')).text()).toBe(before)
    expect(await json(await request('/posts/101'))).toEqual({
      userId: 1,
      title: 'kept',
      body: 'b',
      id: 101,
    })
    expect((await request('/users/3')).status).toBe(404)
    expect(await json(await request('/users/3/posts'))).toEqual({
      error: 'The requested resource was not found: /users/3/posts.',
    })
    expect(((await json(await request('/todos?id=2'))) as { completed: boolean }[])[0]).toEqual(
      expect.objectContaining({ id: 2, completed: true }),
    )
  })

  it('answers concurrent writes one by one, each with its own id, and loses none', async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, at) => post('/albums', { userId: 2, title: `a${at}` })),
    )
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201))
    const bodies = (await Promise.all(answers.map((answer) => json(answer)))) as {
      id: number
      title: string
    }[]
    const byId = bodies.toSorted((a, b) => a.id - b.id)
    expect(byId.map((album) => album.id)).toEqual(Array.from({ length: 40 }, (_, at) => 101 + at))

    await restart()

    const stored = (await json(await request('/albums?id_gt=100'))) as { id: number }[]
    expect(stored).toEqual(byId.map((album) => ({ userId: 2, ...album })))
  })

  it('resets to the generated data after a restart, and ids stay unused', async () => {
    const generated = await (await request('/db')).text()
    expect(await json(await request('/_reset', { method: 'POST' }))).toEqual({ reset: true })
    const node = await memoryMock({ schema: JSONPLACEHOLDER })
    expect(await (await request('/db')).text()).toBe(await (await node.app.request('/db')).text())
    await node.close()
    expect(generated).not.toBe(await (await request('/db')).text())
    await restart()
    expect((await request('/posts/101')).status).toBe(404)
  })

  it('imports a json-server file: GET /db of one database loads into another', async () => {
    const exported = (await json(await request('/db'))) as Record<string, unknown[]>
    const small = { ...exported, posts: exported['posts']?.slice(0, 3), comments: [] }
    const imported = await request('/_import', { method: 'POST', body: JSON.stringify(small) })
    expect([imported.status, await json(imported)]).toEqual([
      200,
      {
        imported: { users: 10, posts: 3, comments: 0, albums: 100, photos: 5000, todos: 200 },
      },
    ])
    await restart()
    expect(((await json(await request('/posts'))) as unknown[]).length).toBe(3)
  })

  it('refuses an import that is not a database for the schema, and changes nothing', async () => {
    const before = await (await request('/db')).text()
    const broken = await request('/_import', { method: 'POST', body: '{"posts": [' })
    expect([broken.status, await json(broken)]).toEqual([
      400,
      { error: 'The body is not valid JSON.' },
    ])
    const wrong = await request('/_import', {
      method: 'POST',
      body: JSON.stringify({ posts: { id: 1 } }),
    })
    expect([wrong.status, await json(wrong)]).toEqual([
      422,
      { error: 'jsonplaceholder: invalid database: posts must be an array of items' },
    ])
    expect(await (await request('/db')).text()).toBe(before)
  })
})

describe('the surface, from the bundle', () => {
  it('serves the homepage, the OpenAPI document and the docs page', async () => {
    const home = await request('/', { headers: { Accept: 'text/html' } })
    expect([home.status, home.headers.get('content-type')]).toEqual([
      200,
      'text/html; charset=utf-8',
    ])
    const document = (await json(await request('/openapi.json'))) as { paths: object }
    expect(Object.keys(document.paths)).toContain('/users/{userId}/posts')
    expect((await request('/docs')).status).toBe(200)
  })

  it.each(DOCS_ASSET_NAMES.map((name) => [name]))(
    'serves the asset %s byte for byte, from the Worker itself',
    async (name) => {
      const response = await request(`/docs/assets/${name}`)
      expect(response.status).toBe(200)
      const bytes = Buffer.from(await response.arrayBuffer())
      expect(bytes.equals(await readFile(docsAssetPath(name) ?? ''))).toBe(true)
    },
  )

  it('forces a status and validates writes with 422 details', async () => {
    const forced = await request('/posts/1?_status=503')
    expect([forced.status, await json(forced)]).toEqual([
      503,
      { error: 'Service Unavailable (forced with ?_status=503).' },
    ])
    const invalid = await post('/posts', { userId: 'one' })
    expect(invalid.status).toBe(422)
    expect(((await json(invalid)) as { details: unknown[] }).details.length).toBeGreaterThan(0)
  })
})
