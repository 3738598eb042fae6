import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { json, send } from '../../helpers.ts'
import type { OpenTarget, Target } from '../target.ts'

/** Both query dialects, nested routes, HEAD and query errors, on the clone and the shop. */
export function queryContract(open: OpenTarget): void {
  let mock: Target
  let shop: Target
  beforeAll(async () => {
    mock = await open('jsonplaceholder')
    shop = await open('shop')
  })
  afterAll(async () => {
    await mock.close()
    await shop.close()
  })

  const ids = async (path: string, on: Target = mock): Promise<unknown[]> => {
    const response = await send(on, 'GET', path)
    expect(response.status).toBe(200)
    return ((await json(response)) as { id: unknown }[]).map((item) => item.id)
  }
  const range = (from: number, to: number): number[] =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i)
  const origin = 'http://localhost'

  describe('paging and slicing headers', () => {
    it('answers _page + _limit with X-Total-Count and all four Link relations', async () => {
      const response = await send(mock, 'GET', '/posts?_page=3&_limit=10')
      expect(((await json(response)) as { id: number }[]).map((post) => post.id)).toEqual(
        range(21, 30),
      )
      expect(response.headers.get('x-total-count')).toBe('100')
      expect(response.headers.get('link')).toBe(
        [
          `<${origin}/posts?_page=1&_limit=10>; rel="first"`,
          `<${origin}/posts?_page=2&_limit=10>; rel="prev"`,
          `<${origin}/posts?_page=4&_limit=10>; rel="next"`,
          `<${origin}/posts?_page=10&_limit=10>; rel="last"`,
        ].join(', '),
      )
    })

    it('leaves prev out on page 1 and next out on the last page (10 per page by default)', async () => {
      const first = await send(mock, 'GET', '/todos?_page=1')
      expect(first.headers.get('link')).toBe(
        `<${origin}/todos?_page=1>; rel="first", <${origin}/todos?_page=2>; rel="next", <${origin}/todos?_page=20>; rel="last"`,
      )
      const last = await send(mock, 'GET', '/todos?_page=20&completed=true&_limit=5')
      const total = Number(last.headers.get('x-total-count'))
      const lastPage = Math.ceil(total / 5)
      const onLast = await send(mock, 'GET', `/todos?_page=${lastPage}&completed=true&_limit=5`)
      expect(onLast.headers.get('link')).toBe(
        [
          `<${origin}/todos?_page=1&completed=true&_limit=5>; rel="first"`,
          `<${origin}/todos?_page=${lastPage - 1}&completed=true&_limit=5>; rel="prev"`,
          `<${origin}/todos?_page=${lastPage}&completed=true&_limit=5>; rel="last"`,
        ].join(', '),
      )
    })

    it.each([
      ['/posts?_start=20&_end=30', range(21, 30)],
      ['/posts?_start=20&_limit=10', range(21, 30)],
      ['/posts?_limit=3', [1, 2, 3]],
      ['/posts?_end=2', [1, 2]],
    ])('slices %s with X-Total-Count', async (path, expected) => {
      const response = await send(mock, 'GET', path)
      expect(((await json(response)) as { id: number }[]).map((post) => post.id)).toEqual(expected)
      expect(response.headers.get('x-total-count')).toBe('100')
      expect(response.headers.get('link')).toBeNull()
    })

    it('sends no X-Total-Count on a plain list, as json-server 0.17', async () => {
      expect((await send(mock, 'GET', '/posts')).headers.get('x-total-count')).toBeNull()
    })

    it('answers the json-server 1.0 envelope for _page + _per_page', async () => {
      const body = (await json(
        await send(mock, 'GET', '/posts?_page=2&_per_page=25&_select=id'),
      )) as Record<string, unknown>
      expect({ ...body, data: (body['data'] as { id: number }[]).map((post) => post.id) }).toEqual({
        first: 1,
        prev: 1,
        next: 3,
        last: 4,
        pages: 4,
        items: 100,
        data: range(26, 50),
      })
    })
  })

  describe('filters, search, sort, embeds on the clone', () => {
    it.each([
      ['/comments?postId=7', range(31, 35)],
      ['/posts?id=1&id=2', [1, 2]],
      ['/posts?userId=1&id_gt=7', [8, 9, 10]],
      ['/posts?id:in=3,5&_sort=-id', [5, 3]],
      ['/posts?userId=2&_sort=id&_order=desc&_limit=2', [20, 19]],
      ['/posts?id_gte=98&id_ne=99', [98, 100]],
      ['/users?address.geo.lat=nope', []],
      ['/todos?userId=1&completed=false&id_lte=3&_select=id', expect.any(Array)],
    ])('%s', async (path, expected) => {
      expect(await ids(path)).toEqual(expected)
    })

    it('searches every string, deep, case-insensitively with q', async () => {
      const user = mock.row('users', 4) as { address: { city: string } }
      const found = await ids(`/users?q=${encodeURIComponent(user.address.city.toUpperCase())}`)
      expect(found).toContain(4)
    })

    it('embeds children and expands the parent on lists and items', async () => {
      const post = (await json(
        await send(mock, 'GET', '/posts/2?_embed=comments&_expand=user'),
      )) as {
        comments: { postId: number }[]
        user: unknown
      }
      expect(post.comments.map((comment) => comment.postId)).toEqual([2, 2, 2, 2, 2])
      expect(post.user).toEqual(mock.row('users', 1))
      const list = (await json(
        await send(mock, 'GET', '/users?_embed=posts&_embed=todos&_limit=2'),
      )) as {
        posts: unknown[]
        todos: unknown[]
      }[]
      expect(list.map((user) => [user.posts.length, user.todos.length])).toEqual([
        [10, 20],
        [10, 20],
      ])
    })

    it('keeps only the selected fields, on lists and items', async () => {
      expect(await json(await send(mock, 'GET', '/todos/3?_select=id,completed'))).toEqual({
        id: 3,
        completed: (mock.row('todos', 3) as { completed: boolean }).completed,
      })
    })

    it('ignores cache busters', async () => {
      expect(await ids('/posts?userId=1&_=1700000000')).toEqual(range(1, 10))
    })
  })

  describe('nested routes to any depth', () => {
    it('lists grandchildren with the whole query language', async () => {
      expect(await ids('/users/1/posts/3/comments?_sort=-id&_limit=2')).toEqual([15, 14])
    })

    it('answers items under their parents and 404 when they are not', async () => {
      expect(await json(await send(mock, 'GET', '/users/1/posts/3'))).toEqual(mock.row('posts', 3))
      const wrong = await send(mock, 'GET', '/users/2/posts/3')
      expect(wrong.status).toBe(404)
      expect(await json(wrong)).toEqual({
        error: 'The requested resource was not found: /users/2/posts/3.',
      })
      const missingParent = await send(mock, 'GET', '/users/99/posts')
      expect(await json(missingParent)).toEqual({
        error: 'The requested resource was not found: /users/99/posts.',
      })
    })

    it('creates with every foreign key of the path set, typed', async () => {
      const response = await send(shop, 'POST', `/customers/${firstCustomer()}/orders`, {
        total: 12,
      })
      expect(response.status).toBe(201)
      const order = (await json(response)) as { id: number }
      const line = await send(
        shop,
        'POST',
        `/customers/${firstCustomer()}/orders/${order.id}/lines`,
        {
          sku: '978-0-00-000000-0',
          quantity: 2,
        },
      )
      expect(await json(line)).toEqual({
        sku: '978-0-00-000000-0',
        quantity: 2,
        customerId: firstCustomer(),
        orderId: order.id,
        id: 17,
      })
    })
  })

  describe('HEAD', () => {
    it.each(['/posts', '/posts/1', '/users/1/posts', '/settings'])(
      'answers HEAD %s like GET, without a body',
      async (path) => {
        const on = path === '/settings' ? shop : mock
        const get = await send(on, 'GET', path)
        const head = await send(on, 'HEAD', path)
        expect(head.status).toBe(200)
        expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
        expect(await head.text()).toBe('')
      },
    )
  })

  describe('query errors', () => {
    it.each([
      ['/posts?userid=1', 'userid', 'unknown field "userid" (did you mean "userId"?)'],
      ['/posts?_page=abc', '_page', 'must be a positive integer (got "abc")'],
      ['/posts?_sort=nope', '_sort', 'unknown field "nope"'],
    ])('%s is a 400 naming the parameter', async (path, param, message) => {
      const response = await send(mock, 'GET', path)
      expect(response.status).toBe(400)
      expect(await json(response)).toEqual({
        error: `Invalid query parameter "${param}": ${message}.`,
        details: [{ path: param, message }],
      })
    })
  })

  function firstCustomer(): string {
    return (shop.list('customers')[0] as { id: string }).id
  }
}
