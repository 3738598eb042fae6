import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../src/json.ts'
import { memoryMock, send, json } from '../helpers.ts'

const posts = [
  { id: 1, title: 'Alpha', views: 10, published: true, author: { name: 'ann' }, tags: ['x'] },
  { id: 2, title: 'beta', views: 200, published: false, author: { name: 'bob' }, tags: ['y'] },
  { id: 3, title: 'Gamma', views: 300, published: false, author: { name: 'cy' }, tags: ['x', 'y'] },
]

async function ids(where: unknown, extra = ''): Promise<unknown> {
  const mock = await memoryMock({ schema: { posts } })
  const text = typeof where === 'string' ? where : JSON.stringify(where)
  const response = await send(mock, 'GET', `/posts?_where=${encodeURIComponent(text)}${extra}`)
  const body = await json(response)
  await mock.close()
  if (response.status !== 200) return [response.status, body]
  return (body as JsonObject[]).map((post) => post['id'])
}

describe('_where (json-server 1.0)', () => {
  it.each([
    [{ title: { eq: 'beta' } }, [2]],
    [{ views: { gt: 100 } }, [2, 3]],
    [{ views: { gte: 10, lt: 300 } }, [1, 2]],
    [{ views: { in: [10, 300] } }, [1, 3]],
    [{ title: { contains: 'AMM' } }, [3]],
    [{ title: { startsWith: 'al' } }, [1]],
    [{ title: { endsWith: 'A' } }, [1, 2, 3]],
    [{ published: { ne: true } }, [2, 3]],
    [{ author: { name: { eq: 'bob' } } }, [2]],
    [{ title: 'Gamma' }, [3]],
    [{ or: [{ views: { lt: 100 } }, { author: { name: { eq: 'cy' } } }] }, [1, 3]],
    [{ published: { eq: false }, or: [{ title: { eq: 'beta' } }, { views: { gt: 250 } }] }, [2, 3]],
    [{ or: [{ or: [{ id: { eq: 1 } }, { id: { eq: 2 } }] }, { id: { eq: 3 } }] }, [1, 2, 3]],
    [{ missing: { eq: 1 } }, []],
    [{}, [1, 2, 3]],
  ])('%j', async (where, expected) => {
    expect(await ids(where)).toEqual(expected)
  })

  it('keeps the other parameters: sort and paging', async () => {
    expect(await ids({ views: { gt: 5 } }, '&_sort=-views&_limit=2')).toEqual([3, 2])
  })

  it.each([
    ['{title', '_where: must be JSON, like {"title":{"eq":"foo"}}'],
    ['[1]', '_where: must be a JSON object, like {"title":{"eq":"foo"}}'],
    [
      '{"title":{"eq":"a","like":"b"}}',
      '_where: title: unknown operator "like" (operators: eq, ne, lt, lte, gt, gte, in, contains, startsWith, endsWith)',
    ],
    ['{"or":[]}', '_where: "or" must be a non-empty array of objects'],
    [
      '{"title":{"eq":{"a":1}}}',
      '_where: title: the value of "eq" must be text, a number, a boolean or null',
    ],
    ['{"__proto__":{"eq":1}}', '_where: "__proto__" cannot be a field'],
  ])('refuses %s with a 400 naming the problem', async (text, message) => {
    const [status, body] = (await ids(text)) as [
      number,
      { details: { path: string; message: string }[] },
    ]
    expect(status).toBe(400)
    const [detail] = body.details
    expect(`${detail?.path}: ${detail?.message}`).toBe(message)
  })
})
