import { describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, json, memoryMock, send } from '../helpers.ts'

type Comment = { readonly id: number; readonly postId: number }

const ids = (rows: unknown): number[] => (rows as Comment[]).map((comment) => comment.id)

/** Moves, adds and deletes comments of posts 2 and 3, then reads every view of them. */
async function writeThenRead(mock: Mock): Promise<unknown> {
  const statuses = [
    (await send(mock, 'PATCH', '/comments/1', { postId: 2 })).status,
    (await send(mock, 'POST', '/comments', { postId: 2, name: 'n', email: 'a@b.co', body: 'b' }))
      .status,
    (await send(mock, 'DELETE', '/comments/7')).status,
    (await send(mock, 'PATCH', '/comments/8', { postId: 3 })).status,
  ]
  const all = (await json(await send(mock, 'GET', '/comments'))) as Comment[]
  const ofPost2 = all.filter((comment) => comment.postId === 2)
  const nested = await json(await send(mock, 'GET', '/posts/2/comments'))
  const filtered = await json(await send(mock, 'GET', '/comments?postId=2'))
  return {
    statuses,
    post2: ids(ofPost2),
    nestedIsFullListsPart: JSON.stringify(nested) === JSON.stringify(ofPost2),
    filterIsFullListsPart: JSON.stringify(filtered) === JSON.stringify(ofPost2),
    post3: ids(await json(await send(mock, 'GET', '/posts/3/comments'))),
  }
}

const AFTER_WRITES = {
  statuses: [200, 201, 200, 200],
  post2: [1, 6, 9, 10, 501],
  nestedIsFullListsPart: true,
  filterIsFullListsPart: true,
  post3: [8, 11, 12, 13, 14, 15],
}

// Foreign-key groups are built on first use: writes made before that must show in them, in list
// order, exactly as writes made after.
describe('nested lists and foreign-key filters after writes', () => {
  it('agree with the full list when the writes come before the first filter', async () => {
    expect(await writeThenRead(await memoryMock({ schema: JSONPLACEHOLDER }))).toEqual(AFTER_WRITES)
  })

  it('agree with the full list when the writes come after the first filter', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    expect(ids(await json(await send(mock, 'GET', '/posts/2/comments')))).toEqual([6, 7, 8, 9, 10])
    expect(await writeThenRead(mock)).toEqual(AFTER_WRITES)
  })
})
