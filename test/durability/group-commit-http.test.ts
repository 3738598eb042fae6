import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMock } from '../../src/index.ts'
import { JSONPLACEHOLDER, tempDirPerTest } from '../helpers.ts'
import { durableData } from '../store/fixtures.ts'

type Post = { id: number; userId: number; title: string; body: string }

const dir = tempDirPerTest()

describe('group commit over a real socket', () => {
  it('answers 100 concurrent POSTs with distinct ids, all on disk, in a handful of file writes', async () => {
    const file = join(dir.path, 'db.json')
    const mock = dir.closeAfter(await createMock({ schema: JSONPLACEHOLDER, db: file }))
    const server = await mock.listen(0)
    const writesBefore = mock.writes()

    const bodies = Array.from({ length: 100 }, (_, n) => ({
      userId: (n % 10) + 1,
      title: `burst ${n}`,
      body: 'group commit',
    }))
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const response = await fetch(`${server.url}/posts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        })
        return { status: response.status, post: (await response.json()) as Post }
      }),
    )
    const fileWrites = mock.writes() - writesBefore

    expect(answers.map((answer) => answer.status)).toEqual(bodies.map(() => 201))
    const ids = answers.map((answer) => answer.post.id)
    expect(new Set(ids).size).toBe(100)
    expect(ids.toSorted((a, b) => a - b)).toEqual(bodies.map((_, n) => 101 + n))

    // Every answer came after a write holding its change: the file has all of them now.
    const onDisk = (await durableData(file)) as { posts: Post[] }
    const stored = new Map(onDisk.posts.map((post) => [post.id, post]))
    for (const { post } of answers) expect(stored.get(post.id)).toEqual(post)

    console.log(`group commit: 100 concurrent POSTs -> ${fileWrites} file writes`)
    expect(fileWrites).toBeGreaterThanOrEqual(1)
    expect(fileWrites).toBeLessThanOrEqual(25)
    await server.close()
  })
})
