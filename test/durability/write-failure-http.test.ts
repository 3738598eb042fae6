import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMock, type Listening } from '../../src/index.ts'
import { JSONPLACEHOLDER, tempDirPerTest } from '../helpers.ts'
import { durableData } from '../store/fixtures.ts'
import { controlledFs, diskFull } from '../store/test-fs.ts'

const dir = tempDirPerTest()

async function call(server: Listening, method: string, path: string, body?: unknown) {
  const init: RequestInit = { method }
  if (body !== undefined) {
    init.body = JSON.stringify(body)
    init.headers = { 'Content-Type': 'application/json' }
  }
  const response = await fetch(`${server.url}${path}`, init)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: JSON.parse(await response.text()) as unknown,
  }
}

const UNSAVED = {
  status: 503,
  type: 'application/json; charset=utf-8',
  body: { error: 'The change could not be saved: the disk is full' },
}

describe('a write that fails at run time, over HTTP', () => {
  it('answers 503, keeps no phantom, keeps reading, and the next write saves everything', async () => {
    const file = join(dir.path, 'db.json')
    const { fs, state } = controlledFs()
    const mock = dir.closeAfter(await createMock({ schema: JSONPLACEHOLDER, db: file, fs }))
    const server = await mock.listen(0)
    const before = (await call(server, 'GET', '/db')).body as { posts: unknown[] }

    state.failing = diskFull()
    const failed = await Promise.all([
      call(server, 'POST', '/posts', { userId: 1, title: 'phantom', body: 'never saved' }),
      call(server, 'POST', '/users/2/posts', { title: 'nested phantom', body: 'x' }),
      call(server, 'PATCH', '/posts/1', { title: 'phantom title' }),
      call(server, 'DELETE', '/users/3'),
    ])
    expect(failed).toEqual([UNSAVED, UNSAVED, UNSAVED, UNSAVED])

    // Memory went back to what the file held: reads see no trace of the failed writes.
    expect((await call(server, 'GET', '/db')).body).toEqual(before)
    expect(await call(server, 'GET', '/posts?title=phantom')).toMatchObject({ body: [] })
    expect((await call(server, 'GET', '/users/3/posts')).body).toHaveLength(10)
    expect((await call(server, 'GET', '/posts/1')).body).toEqual(before.posts[0])

    state.failing = undefined
    const saved = await call(server, 'POST', '/posts', { userId: 4, title: 'saved', body: 'y' })
    // Ids handed out to the failed inserts are not reused.
    expect(saved).toEqual({
      status: 201,
      type: 'application/json; charset=utf-8',
      body: { userId: 4, title: 'saved', body: 'y', id: 103 },
    })
    const onDisk = await durableData(file)
    expect(onDisk).toEqual((await call(server, 'GET', '/db')).body)
    expect(onDisk).toMatchObject({ posts: expect.arrayContaining([saved.body]) as unknown })
    await server.close()
  })
})
