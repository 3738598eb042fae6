import { describe, expect, it } from 'vitest'
import type { JsonValue } from '../../src/json.ts'
import { ids, list } from './fixture.ts'

describe('json-server 0.17 paging (_page, _limit)', () => {
  it.each<[string, number[], number, object | undefined]>([
    ['_page=1&_limit=2', [1, 2], 6, { first: 1, next: 2, last: 3 }],
    ['_page=2&_limit=2', [3, 4], 6, { first: 1, prev: 1, next: 3, last: 3 }],
    ['_page=3&_limit=2', [5, 6], 6, { first: 1, prev: 2, last: 3 }],
    ['_page=4&_limit=2', [], 6, undefined],
    ['_page=2&_limit=4', [5, 6], 6, { first: 1, prev: 1, last: 2 }],
    ['_page=1&_limit=5', [1, 2, 3, 4, 5], 6, { first: 1, next: 2, last: 2 }],
    ['_page=1', [1, 2, 3, 4, 5, 6], 6, undefined],
    ['_page=2', [], 6, undefined],
    ['_page=1&_limit=6', [1, 2, 3, 4, 5, 6], 6, undefined],
    ['userId=9&_page=1', [], 0, undefined],
    ['userId=3&_page=1&_limit=1', [6], 1, undefined],
    ['userId=1&_page=2&_limit=2', [3], 3, { first: 1, prev: 1, last: 2 }],
    ['_sort=-views&_page=1&_limit=2', [3, 1], 6, { first: 1, next: 2, last: 3 }],
  ])('%s', (query, expectedIds, total, links) => {
    const result = list('posts', query)
    expect({ ids: ids(result.body), total: result.total, links: result.links }).toEqual({
      ids: expectedIds,
      total,
      links,
    })
  })
})

describe('slices (_start, _end, _limit)', () => {
  it.each<[string, number[], number | undefined]>([
    ['', [1, 2, 3, 4, 5, 6], undefined],
    ['_start=1&_end=3', [2, 3], 6],
    ['_start=4', [5, 6], 6],
    ['_start=10', [], 6],
    ['_end=0', [], 6],
    ['_start=3&_end=1', [], 6],
    ['_limit=2', [1, 2], 6],
    ['_limit=0', [], 6],
    ['_start=5&_limit=10', [6], 6],
    ['_sort=-id&_limit=2', [6, 5], 6],
    ['userId=2&_limit=1', [4], 2],
  ])('%s', (query, expectedIds, total) => {
    const result = list('posts', query)
    expect({ ids: ids(result.body), total: result.total, links: result.links }).toEqual({
      ids: expectedIds,
      total,
      links: undefined,
    })
  })
})

describe('json-server 1.0 envelope (_page, _per_page)', () => {
  const envelope = (
    page: { first: number; prev: number | null; next: number | null; last: number },
    pages: number,
    items: number,
    data: number[],
  ) => ({ ...page, pages, items, data })

  it.each<[string, ReturnType<typeof envelope>]>([
    [
      '_page=1&_per_page=4',
      envelope({ first: 1, prev: null, next: 2, last: 2 }, 2, 6, [1, 2, 3, 4]),
    ],
    ['_page=2&_per_page=4', envelope({ first: 1, prev: 1, next: null, last: 2 }, 2, 6, [5, 6])],
    ['_page=2&_per_page=2', envelope({ first: 1, prev: 1, next: 3, last: 3 }, 3, 6, [3, 4])],
    ['_page=9&_per_page=4', envelope({ first: 1, prev: 1, next: null, last: 2 }, 2, 6, [5, 6])],
    [
      '_page=1&_per_page=10',
      envelope({ first: 1, prev: null, next: null, last: 1 }, 1, 6, [1, 2, 3, 4, 5, 6]),
    ],
    [
      'userId=9&_page=1&_per_page=5',
      envelope({ first: 1, prev: null, next: null, last: 1 }, 1, 0, []),
    ],
    [
      'userId=9&_page=3&_per_page=5',
      envelope({ first: 1, prev: null, next: null, last: 1 }, 1, 0, []),
    ],
    [
      '_sort=-id&_page=1&_per_page=3',
      envelope({ first: 1, prev: null, next: 2, last: 2 }, 2, 6, [6, 5, 4]),
    ],
  ])('%s', (query, expected) => {
    const result = list('posts', query)
    const body = result.body as Record<string, JsonValue>
    expect({ ...body, data: ids(body['data'] ?? null) }).toEqual(expected)
    expect([result.total, result.links]).toEqual([expected.items, undefined])
  })

  it('shapes only the rows of the page', () => {
    const result = list('posts', '_page=2&_per_page=5&_select=id,title')
    expect(result.body).toEqual({
      first: 1,
      prev: 1,
      next: null,
      last: 2,
      pages: 2,
      items: 6,
      data: [{ id: 6, title: 'dolorem eum magni eos aperiam quia' }],
    })
  })
})
