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
    const text = await send(m, 'POST', '/posts', 'title=x', { 'Content-Type': 'text/plain' })
    expect(text.status).toBe(415)
    expect(await json(text)).toEqual({ error: 'The text/plain mediatype is not supported.' })
    expect(m.store.list('posts')).toEqual(PLAIN.posts)
  })

  it('nests bracketed and dotted keys, typed by the fields they reach', async () => {
    const m = await open({
      posts: [{ id: 1, title: 'a', author: { name: 'x', age: 30 }, tags: ['t'], links: [] }],
    })
    const sent =
      'title=b&author[name]=y&author.age=31&tags[]=u&tags[]=v&links[1][url]=/2&links[0][url]=/1'
    const response = await form(m, 'POST', '/posts', sent)
    expect(response.status).toBe(201)
    expect(await json(response)).toEqual({
      title: 'b',
      author: { name: 'y', age: 31 },
      tags: ['u', 'v'],
      links: [{ url: '/1' }, { url: '/2' }],
      id: 2,
    })
    const one = await form(m, 'PATCH', '/posts/2', 'tags[]=only')
    expect(await json(one)).toMatchObject({ tags: ['only'] })
  })

  it('refuses a key given both as a value and as an object (422), changing nothing', async () => {
    const m = await open(PLAIN)
    const response = await form(m, 'POST', '/posts', 'user=x&user[name]=y')
    expect(response.status).toBe(422)
    expect(await json(response)).toEqual({
      error: 'Request had invalid or missing data.',
      details: [{ path: 'user[name]', message: 'is given both as a value and as an object' }],
    })
    const proto = await form(m, 'POST', '/posts', 'user[__proto__][admin]=1')
    expect(await json(proto)).toEqual({
      error: 'Request had invalid or missing data.',
      details: [{ path: 'user.__proto__', message: 'is a reserved key' }],
    })
    expect(m.store.list('posts')).toEqual(PLAIN.posts)
  })
})

function multipart(m: Mock, method: string, path: string, data: FormData): Promise<Response> {
  return Promise.resolve(m.app.request(path, { method, body: data }))
}

describe('multipart/form-data bodies', () => {
  it('takes the text fields, typed as a url-encoded form is, nested the same way', async () => {
    const m = await open(PLAIN)
    const data = new FormData()
    data.append('title', 'with a file input left empty')
    data.append('views', '12')
    data.append('published', 'on')
    data.append('tags[]', 'x')
    data.append('meta[lang]', 'fr')
    const response = await multipart(m, 'POST', '/posts', data)
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/posts/2')
    expect(await json(response)).toEqual({
      title: 'with a file input left empty',
      views: 12,
      published: true,
      tags: ['x'],
      meta: { lang: 'fr' },
      id: 2,
    })
    const patch = new FormData()
    patch.append('age', '41')
    expect(await json(await multipart(m, 'PATCH', '/profile', patch))).toEqual({
      name: 'typicode',
      age: 41,
      admin: false,
    })
  })

  it('leaves out a file input with no file chosen, as a browser sends it', async () => {
    const m = await open(PLAIN)
    const part = (disposition: string, text: string) =>
      `--B\r\nContent-Disposition: form-data; ${disposition}\r\n` +
      `${disposition.includes('filename') ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${text}\r\n`
    const body = `${part('name="title"', 'no cover')}${part('name="cover"; filename=""', '')}--B--\r\n`
    const response = await send(m, 'POST', '/posts', body, {
      'Content-Type': 'multipart/form-data; boundary=B',
    })
    expect(await json(response)).toEqual({ title: 'no cover', id: 2 })
  })

  it('refuses a file (422) and a malformed body (400), changing nothing', async () => {
    const m = await open(PLAIN)
    const data = new FormData()
    data.append('title', 'x')
    data.append('cover', new File(['png'], 'cover.png', { type: 'image/png' }))
    const file = await multipart(m, 'POST', '/posts', data)
    expect(file.status).toBe(422)
    expect(await json(file)).toEqual({
      error: 'Request had invalid or missing data.',
      details: [
        {
          path: 'cover',
          message: 'is a file: items hold JSON values, so send its name or URL as text',
        },
      ],
    })
    const broken = await send(m, 'POST', '/posts', 'title=x', {
      'Content-Type': 'multipart/form-data; boundary=x',
    })
    expect(broken.status).toBe(400)
    expect(await json(broken)).toEqual({
      error: 'This request was not properly formatted. Please send again.',
      details: [{ path: '', message: 'malformed multipart/form-data body (check its boundary)' }],
    })
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
