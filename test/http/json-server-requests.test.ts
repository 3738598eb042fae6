import { afterEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock, send } from '../helpers.ts'

// Requests json-server takes: HTML forms, JSONP, POST on a singular resource, q over every value.
let mock: Mock | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

async function open(schema: string | object, fakeWrites = false): Promise<Mock> {
  mock = await memoryMock({ schema, fakeWrites })
  return mock
}

function form(m: Mock, method: string, path: string, text: string): Promise<Response> {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' }
  return Promise.resolve(m.app.request(path, { method, headers, body: text }))
}

const PLAIN = {
  posts: [{ id: 1, title: 'first', views: 100, published: true, tags: ['a'], note: null }],
  profile: { name: 'typicode', age: 40, admin: false },
}

describe('application/x-www-form-urlencoded bodies', () => {
  it('POST: values take the types the schema gives its fields', async () => {
    const m = await open(JSONPLACEHOLDER)
    const response = await form(m, 'POST', '/todos', 'userId=1&title=Buy+milk&completed=false')
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/todos/201')
    expect(await json(response)).toEqual({
      userId: 1,
      title: 'Buy milk',
      completed: false,
      id: 201,
    })
  })

  it('text that is not of the field type stays text, so validation names it (422)', async () => {
    const m = await open(JSONPLACEHOLDER)
    const response = await form(m, 'POST', '/todos', 'userId=one&title=x&completed=yes')
    expect(response.status).toBe(422)
    expect(await json(response)).toEqual({
      error: 'Request had invalid or missing data.',
      details: [
        { path: 'userId', message: 'must be an integer, not a string' },
        { path: 'completed', message: 'must be a boolean, not a string' },
      ],
    })
  })

  it('an empty value is null where the field allows it; a ticked checkbox ("on") is true', async () => {
    const m = await open(SHOP)
    const order = m.store.list('orders')[0]
    const sent = `orderId=${String(order?.['id'])}&customerId=&sku=978-1&quantity=3`
    const response = await form(m, 'POST', '/lines', sent)
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({
      orderId: order?.['id'],
      customerId: null,
      sku: '978-1',
      quantity: 3,
      id: 17,
    })
    const settings = await form(m, 'PATCH', '/settings', 'open=on')
    expect(await json(settings)).toEqual({ currency: 'EUR', open: true })
  })

  it('a plain db: the existing items tell the types; repeated keys make an array', async () => {
    const m = await open(PLAIN)
    const sent = 'title=second&views=7&published=false&tags=b&tags=c&note=&extra=5'
    const response = await form(m, 'POST', '/posts', sent)
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({
      title: 'second',
      views: 7,
      published: false,
      tags: ['b', 'c'],
      note: '',
      extra: '5',
      id: 2,
    })
  })

  it('PUT and PATCH too, on items and on singular resources', async () => {
    const m = await open(PLAIN)
    expect(await json(await form(m, 'PUT', '/posts/1', 'title=new&views=1&tags=z'))).toEqual({
      title: 'new',
      views: 1,
      tags: ['z'],
      id: 1,
    })
    expect(await json(await form(m, 'PATCH', '/posts/1', 'views=2.5e1'))).toEqual({
      title: 'new',
      views: 25,
      tags: ['z'],
      id: 1,
    })
    expect(await json(await form(m, 'PATCH', '/profile', 'age=41&admin=true'))).toEqual({
      name: 'typicode',
      age: 41,
      admin: true,
    })
  })

  it('refuses keys that could reach Object.prototype (422), and other media types (415)', async () => {
    const m = await open(PLAIN)
    const reserved = await form(m, 'POST', '/posts', '__proto__=x&title=y')
    expect(reserved.status).toBe(422)
    expect(await json(reserved)).toEqual({
      error: 'Request had invalid or missing data.',
      details: [{ path: '__proto__', message: 'is a reserved key' }],
    })
    const multipart = await send(m, 'POST', '/posts', 'title=x', {
      'Content-Type': 'multipart/form-data; boundary=x',
    })
    expect(multipart.status).toBe(415)
    expect(m.store.list('posts')).toEqual(PLAIN.posts)
  })
})

describe('JSONP (?callback=)', () => {
  it('answers a script calling the function with the JSON, without an ETag', async () => {
    const m = await open(PLAIN)
    const response = await send(m, 'GET', '/posts/1?callback=handle')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('etag')).toBeNull()
    expect(await response.text()).toBe(`/**/ handle(${JSON.stringify(PLAIN.posts[0], null, 2)});`)
  })

  it('takes a dotted path, and wraps errors too', async () => {
    const m = await open(PLAIN)
    const response = await send(m, 'GET', '/posts/9?callback=app.handlers.$post_1')
    expect(response.status).toBe(404)
    expect(await response.text()).toBe(
      `/**/ app.handlers.$post_1(${JSON.stringify({ error: 'The requested resource was not found: /posts/9.' }, null, 2)});`,
    )
  })

  it.each(['alert(1)', 'a.b(', '1abc', 'a..b', 'x;y', '', 'a'.repeat(257)])(
    'refuses %j with a JSON 400',
    async (name) => {
      const m = await open(PLAIN)
      const response = await send(m, 'GET', `/posts?callback=${encodeURIComponent(name)}`)
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await json(response)).toEqual({
        error:
          'Invalid query parameter "callback": must be a JavaScript name or dotted path, such as "handle" or "app.handle".',
        details: [
          {
            path: 'callback',
            message: 'must be a JavaScript name or dotted path, such as "handle" or "app.handle"',
          },
        ],
      })
    },
  )

  it('callback and _ are never filters, even on a resource with fields', async () => {
    const m = await open(JSONPLACEHOLDER)
    const response = await send(m, 'GET', '/users?callback=cb&_=1700000000&_limit=2')
    const text = await response.text()
    expect(text.startsWith('/**/ cb([')).toBe(true)
    expect(JSON.parse(text.slice('/**/ cb('.length, -2))).toEqual(m.store.list('users').slice(0, 2))
    expect(response.headers.get('x-total-count')).toBe('10')
  })

  it('a write with ?callback= is answered as JSON', async () => {
    const m = await open(PLAIN)
    const response = await send(m, 'PATCH', '/profile?callback=cb', { age: 1 })
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })
})

describe('POST on a singular resource', () => {
  it('creates or replaces it: 201 with the object and its Location', async () => {
    const m = await open(PLAIN)
    const response = await send(m, 'POST', '/profile', { name: 'bar' })
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/profile')
    expect(await json(response)).toEqual({ name: 'bar' })
    expect(await json(await send(m, 'GET', '/profile'))).toEqual({ name: 'bar' })
  })

  it('is validated against the schema like PUT', async () => {
    const m = await open(SHOP)
    const response = await send(m, 'POST', '/settings', { currency: 1 })
    expect(response.status).toBe(422)
    expect(await json(await send(m, 'GET', '/settings'))).toEqual({ currency: 'EUR', open: true })
  })

  it('with fake writes answers the same and changes nothing', async () => {
    const m = await open(PLAIN, true)
    const response = await send(m, 'POST', '/profile', { name: 'bar' })
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({ name: 'bar' })
    expect(await json(await send(m, 'GET', '/profile'))).toEqual(PLAIN.profile)
  })

  it('is listed in Allow', async () => {
    const m = await open(PLAIN)
    const response = await send(m, 'OPTIONS', '/profile')
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
  })
})

describe('q searches every value as text, deep, except ids and references', () => {
  const DB = {
    users: [{ id: 12 }, { id: 7 }],
    posts: [
      { id: 12, userId: 12, title: 'Twelve', meta: { views: 120, tags: ['a'] } },
      { id: 2, userId: 7, title: 'two', meta: { views: 5, pinned: true } },
      { id: 3, userId: 12, title: 'three', ratings: [4, 12.5], draft: false },
    ],
  }

  it.each([
    ['12', [12, 3]],
    ['twelve', [12]],
    ['true', [2]],
    ['false', [3]],
    ['2.5', [3]],
    ['7', []],
  ])('/posts?q=%s', async (q, ids) => {
    const m = await open(DB)
    const found = (await json(await send(m, 'GET', `/posts?q=${q}`))) as { id: number }[]
    expect(found.map((post) => post.id)).toEqual(ids)
  })

  it('the same on a resource with fields (JSONPlaceholder todos: booleans, not ids)', async () => {
    const m = await open(JSONPLACEHOLDER)
    const done = m.store.list('todos').filter((todo) => todo['completed'] === true)
    const found = (await json(await send(m, 'GET', '/todos?q=TRUE'))) as unknown[]
    expect(found).toEqual(done)
  })
})
