import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMock } from '../../src/index.ts'
import { JSONPLACEHOLDER, tempDirPerTest } from '../helpers.ts'
import { durableData } from '../store/fixtures.ts'
import { controlledFs, diskFull } from '../store/test-fs.ts'
import { sseReader } from './sse.ts'

const dir = tempDirPerTest()

const postInit = (body: object): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
})

describe('the change feed and the disk', () => {
  it('sends nothing for a write that could not be saved, then the next saved one', async () => {
    const file = join(dir.path, 'db.json')
    const { fs, state } = controlledFs()
    const mock = dir.closeAfter(await createMock({ schema: JSONPLACEHOLDER, db: file, fs }))
    const server = await mock.listen(0)
    const reader = sseReader(await fetch(`${server.url}/_events`))
    await reader.next()

    // The disk is full: the write fails, and memory goes back to what is saved.
    state.failing = diskFull()
    const failed = await fetch(
      `${server.url}/posts`,
      postInit({ userId: 1, title: 'x', body: 'y' }),
    )
    expect(failed.status).toBe(503)
    state.failing = undefined
    const saved = await fetch(`${server.url}/posts`, postInit({ userId: 2, title: 'a', body: 'b' }))
    expect(saved.status).toBe(201)

    const item = { userId: 2, title: 'a', body: 'b', id: 102 }
    expect(await reader.event()).toEqual({
      event: 'created',
      id: `${mock.feed.epoch}-1`,
      data: { resource: 'posts', id: 102, item },
    })
    // The event came after the change was on disk.
    const onDisk = (await durableData(file)) as { posts: unknown[] }
    expect(onDisk.posts.at(-1)).toEqual(item)
    await reader.cancel()
    await server.close()
  })

  it('ends every stream cleanly on close, after the events of the writes it acknowledged', async () => {
    const mock = dir.closeAfter(
      await createMock({ schema: JSONPLACEHOLDER, db: join(dir.path, 'db.json') }),
    )
    const server = await mock.listen(0)
    const readers = await Promise.all(
      ['', '?resource=todos', '?path=/users/1/todos'].map(async (query) => {
        const reader = sseReader(await fetch(`${server.url}/_events${query}`))
        await reader.next()
        return reader
      }),
    )
    const answers = await Promise.all(
      [1, 2, 3].map((index) =>
        fetch(`${server.url}/todos`, postInit({ userId: 1, title: `t${index}`, completed: false })),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201])
    await server.close()
    for (const reader of readers) {
      const rest = await reader.rest()
      expect(rest.map((message) => message.event)).toEqual(['created', 'created', 'created'])
    }
    expect(mock.feed.subscribers).toBe(0)
  })
})
