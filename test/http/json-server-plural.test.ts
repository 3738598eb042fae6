// json-server 0.17.4's __tests__/server/plural.js, over HTTP against fauxrest serving the same db.
// Every case answers as json-server does, except the deliberate differences the README's "Compared
// with json-server" lists; those cases assert fauxrest's answer and say what 0.17 answers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Middleware, Mock } from '../../src/index.ts'
import { memoryMock } from '../helpers.ts'

type Row = Record<string, unknown>

function fixture() {
  return {
    posts: [
      { id: 1, body: 'foo' },
      { id: 2, body: 'bar' },
    ] as Row[],
    tags: [
      { id: 1, body: 'Technology' },
      { id: 2, body: 'Photography' },
      { id: 3, body: 'photo' },
    ],
    users: [
      { id: 1, username: 'Jim', tel: '0123' },
      { id: 2, username: 'George', tel: '123' },
    ],
    comments: [
      { id: 1, body: 'foo', published: true, postId: 1, userId: 1 },
      { id: 2, body: 'bar', published: false, postId: 1, userId: 2 },
      { id: 3, body: 'baz', published: false, postId: 2, userId: 1 },
      { id: 4, body: 'qux', published: true, postId: 2, userId: 2 },
      { id: 5, body: 'quux', published: false, postId: 2, userId: 1 },
    ],
    buyers: [
      { id: 1, name: 'Aileen', country: 'Colombia', total: 100 },
      { id: 2, name: 'Barney', country: 'Colombia', total: 200 },
      { id: 3, name: 'Carley', country: 'Colombia', total: 300 },
      { id: 4, name: 'Daniel', country: 'Belize', total: 30 },
      { id: 5, name: 'Ellen', country: 'Belize', total: 20 },
      { id: 6, name: 'Frank', country: 'Belize', total: 10 },
      { id: 7, name: 'Grace', country: 'Argentina', total: 1 },
      { id: 8, name: 'Henry', country: 'Argentina', total: 2 },
      { id: 9, name: 'Isabelle', country: 'Argentina', total: 3 },
    ],
    refs: [{ id: 'abcd-1234', url: 'http://example.com', postId: 1, userId: 1 }],
    stringIds: [{ id: '1234' }],
    deep: [{ a: { b: 1 } }, { a: 1 }],
    nested: [
      { resource: { name: 'dewey' } },
      { resource: { name: 'cheatem' } },
      { resource: { name: 'howe' } },
    ],
    list: Array.from({ length: 15 }, (_, index) => ({ id: index + 1 })),
  }
}

const JSON_TYPE = 'application/json; charset=utf-8'
const EXPOSED = 'X-Total-Count,Link,Location,ETag'

// plural.js serves its db behind these rewriter rules (fauxrest's --routes).
const REWRITER_RULES = {
  '/api/*': '/$1',
  '/blog/posts/:id/show': '/posts/:id',
  '/comments/special/:userId-:body': '/comments/?userId=:userId&body=:body',
  '/firstpostwithcomments': '/posts/1?_embed=comments',
  '/articles\\?_id=:id': '/posts/:id',
}

let db: ReturnType<typeof fixture>
let mock: Mock
beforeEach(async () => {
  db = fixture()
  mock = await memoryMock({ schema: db, routes: REWRITER_RULES })
  return () => mock.close()
})
afterEach(() => {
  vi.useRealTimers()
})

type Answer = { status: number; headers: Headers; text: string; body: unknown }

async function request(
  method: string,
  path: string,
  options: { json?: unknown; form?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  let body: string | undefined
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    body = options.form
  }
  const init: RequestInit = body === undefined ? { method, headers } : { method, headers, body }
  const response = await mock.app.request(`http://localhost${path}`, init)
  const text = await response.text()
  const isJson = response.headers.get('content-type') === JSON_TYPE
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: isJson && text !== '' ? JSON.parse(text) : text,
  }
}

async function get(path: string, headers?: Record<string, string>): Promise<Answer> {
  return request('GET', path, headers === undefined ? {} : { headers })
}

/** The status and JSON body of a GET, with its content type checked as json-server's tests do. */
async function getJson(path: string): Promise<{ status: number; body: unknown }> {
  const answer = await get(path)
  expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
  return { status: answer.status, body: answer.body }
}

const stored = (resource: string): unknown => mock.store.data()[resource]

// json-server's `?_delay=1100` tests measure the clock; these hold the clock instead.
async function delayed(method: string, path: string, json?: unknown): Promise<number> {
  vi.useFakeTimers({ toFake: ['setTimeout'] })
  let status: number | undefined
  const pending = request(method, path, json === undefined ? {} : { json }).then((answer) => {
    status = answer.status
  })
  await vi.advanceTimersByTimeAsync(1099)
  expect(status).toBeUndefined()
  await vi.advanceTimersByTimeAsync(1)
  await pending
  return status ?? 0
}

describe('json-server plural.js: GET /db', () => {
  it('should respond with json and full database', async () => {
    expect(await getJson('/db')).toEqual({ status: 200, body: db })
  })
})

describe('json-server plural.js: GET /:resource', () => {
  it('should respond with json and corresponding resources (CORS reflects the origin, with credentials)', async () => {
    const answer = await get('/posts', { Origin: 'http://example.com' })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect(answer.headers.get('access-control-allow-credentials')).toBe('true')
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://example.com')
    expect([answer.status, answer.body]).toEqual([200, db.posts])
  })

  it('should respond with 404 if resource is not found', async () => {
    expect((await get('/undefined')).status).toBe(404)
  })
})

describe('json-server plural.js: GET /:resource?attr=&attr=', () => {
  it('should respond with json and filter resources', async () => {
    expect(await getJson('/comments?postId=1&published=true')).toEqual({
      status: 200,
      body: [db.comments[0]],
    })
  })

  it('should be strict', async () => {
    expect(await getJson('/users?tel=123')).toEqual({ status: 200, body: [db.users[1]] })
  })

  it('should support multiple filters', async () => {
    expect(await getJson('/comments?id=1&id=2')).toEqual({
      status: 200,
      body: [db.comments[0], db.comments[1]],
    })
  })

  it('should support deep filter', async () => {
    expect(await getJson('/deep?a.b=1')).toEqual({ status: 200, body: [db.deep[0]] })
  })

  it('should ignore JSONP query parameters callback and _ (difference: a callback must be a JavaScript name)', async () => {
    // json-server answers `/**/ typeof 1 === 'function' && 1([...])`, a script that can never call
    // anything; fauxrest refuses the name with a 400, and answers a valid one with the script.
    const refused = await get('/comments?callback=1&_=1')
    expect(refused.status).toBe(400)
    const answer = await get('/comments?callback=handle&_=1')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/text/)
    expect(answer.text).toMatch(new RegExp(db.comments[0]?.body ?? ''))
    expect(answer.text).toBe(`/**/ handle(${JSON.stringify(db.comments, null, 2)});`)
  })

  it('should ignore unknown query parameters', async () => {
    expect(await getJson('/comments?foo=1&bar=2')).toEqual({ status: 200, body: db.comments })
  })

  // https://github.com/typicode/json-server/issues/510
  it('should not fail with null value', async () => {
    await mock.close()
    db.posts.push({ id: 99, body: null })
    mock = await memoryMock({ schema: db, routes: REWRITER_RULES })
    expect(await getJson('/posts?body=foo')).toEqual({ status: 200, body: [db.posts[0]] })
  })
})

describe('json-server plural.js: GET /:resource?q=', () => {
  it('should respond with json and make a full-text search', async () => {
    expect(await getJson('/tags?q=pho')).toEqual({ status: 200, body: [db.tags[1], db.tags[2]] })
  })

  it('should respond with json and make a deep full-text search', async () => {
    expect(await getJson('/deep?q=1')).toEqual({ status: 200, body: db.deep })
  })

  it('should return an empty array when nothing is matched', async () => {
    expect(await getJson('/tags?q=nope')).toEqual({ status: 200, body: [] })
  })

  it('should support other query parameters', async () => {
    expect(await getJson('/comments?q=qu&published=true')).toEqual({
      status: 200,
      body: [db.comments[3]],
    })
  })

  it('should ignore duplicate q query parameters', async () => {
    expect(await getJson('/comments?q=foo&q=bar')).toEqual({ status: 200, body: [db.comments[0]] })
  })

  it('should support filtering by boolean value false', async () => {
    expect(await getJson('/comments?published=false')).toEqual({
      status: 200,
      body: [db.comments[1], db.comments[2], db.comments[4]],
    })
  })
})

// json-server sends `Access-Control-Expose-Headers: X-Total-Count` (`, Link` with _page, only
// `Location` after a POST); fauxrest exposes the same four headers on every answer.
describe('json-server plural.js: slices and pages', () => {
  it('GET /:resource?_end= should respond with a sliced array (difference: more exposed headers)', async () => {
    const answer = await get('/comments?_end=2')
    expect(answer.headers.get('x-total-count')).toBe(String(db.comments.length))
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect([answer.status, answer.body]).toEqual([200, db.comments.slice(0, 2)])
  })

  it('GET /:resource?_start=&_end= should respond with a sliced array (difference: more exposed headers)', async () => {
    const answer = await get('/comments?_start=1&_end=2')
    expect(answer.headers.get('x-total-count')).toBe(String(db.comments.length))
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect([answer.status, answer.body]).toEqual([200, db.comments.slice(1, 2)])
  })

  it('GET /:resource?_start=&_limit= should respond with a limited array (difference: more exposed headers)', async () => {
    const answer = await get('/comments?_start=1&_limit=1')
    expect(answer.headers.get('x-total-count')).toBe(String(db.comments.length))
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect([answer.status, answer.body]).toEqual([200, db.comments.slice(1, 2)])
  })

  it('GET /:resource?_page= should paginate (difference: more exposed headers)', async () => {
    const answer = await get('/list?_page=2')
    expect(answer.headers.get('x-total-count')).toBe(String(db.list.length))
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect([answer.status, answer.body]).toEqual([200, db.list.slice(10, 20)])
  })

  it('GET /:resource?_page=&_limit= should paginate with a custom limit (difference: more exposed headers)', async () => {
    const answer = await get('/list?_page=2&_limit=1')
    expect(answer.headers.get('x-total-count')).toBe(String(db.list.length))
    expect(answer.headers.get('link')).toBe(
      [
        '<http://localhost/list?_page=1&_limit=1>; rel="first"',
        '<http://localhost/list?_page=1&_limit=1>; rel="prev"',
        '<http://localhost/list?_page=3&_limit=1>; rel="next"',
        '<http://localhost/list?_page=15&_limit=1>; rel="last"',
      ].join(', '),
    )
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect([answer.status, answer.body]).toEqual([200, db.list.slice(1, 2)])
  })
})

describe('json-server plural.js: GET /:resource?_sort=', () => {
  it('should respond with json and sort on a field', async () => {
    expect(await getJson('/tags?_sort=body')).toEqual({
      status: 200,
      body: [db.tags[1], db.tags[0], db.tags[2]],
    })
  })

  it('should reverse sorting with _order=DESC', async () => {
    expect(await getJson('/tags?_sort=body&_order=DESC')).toEqual({
      status: 200,
      body: [db.tags[2], db.tags[0], db.tags[1]],
    })
  })

  it('should reverse sorting with _order=desc (case insensitive)', async () => {
    expect(await getJson('/tags?_sort=body&_order=desc')).toEqual({
      status: 200,
      body: [db.tags[2], db.tags[0], db.tags[1]],
    })
  })

  it('should sort on numerical field', async () => {
    expect(await getJson('/posts?_sort=id&_order=DESC')).toEqual({
      status: 200,
      body: db.posts.toReversed(),
    })
  })

  it('should sort on nested field', async () => {
    expect(await getJson('/nested?_sort=resource.name')).toEqual({
      status: 200,
      body: [db.nested[1], db.nested[0], db.nested[2]],
    })
  })

  it('should sort on multiple fields', async () => {
    expect(await getJson('/buyers?_sort=country,total&_order=asc,desc')).toEqual({
      status: 200,
      body: [8, 7, 6, 3, 4, 5, 2, 1, 0].map((index) => db.buyers[index]),
    })
  })
})

describe('json-server plural.js: operators', () => {
  it('GET /:resource?attr_gte=&attr_lte= should respond with a limited array', async () => {
    expect(await getJson('/comments?id_gte=2&id_lte=3')).toEqual({
      status: 200,
      body: db.comments.slice(1, 3),
    })
  })

  it('GET /:resource?attr_ne= should respond with a limited array', async () => {
    expect(await getJson('/comments?id_ne=1')).toEqual({ status: 200, body: db.comments.slice(1) })
  })

  it('GET /:resource?attr_ne= should accept multiple parameters', async () => {
    expect(await getJson('/comments?id_ne=1&id_ne=2')).toEqual({
      status: 200,
      body: db.comments.slice(2),
    })
  })

  it('GET /:resource?attr_like= should respond with an array that matches the like operator (case insensitive)', async () => {
    expect(await getJson('/tags?body_like=photo')).toEqual({
      status: 200,
      body: [db.tags[1], db.tags[2]],
    })
  })

  it('GET /:resource?attr_like= should accept multiple parameters', async () => {
    expect(await getJson('/tags?body_like=photo&body_like=tech')).toEqual({
      status: 200,
      body: db.tags,
    })
  })
})

describe('json-server plural.js: items, nested lists, embed and expand', () => {
  it('GET /:parent/:parentId/:resource should respond with json and corresponding nested resources', async () => {
    expect(await getJson('/posts/1/comments')).toEqual({
      status: 200,
      body: [db.comments[0], db.comments[1]],
    })
  })

  it('GET /:resource/:id should respond with json and corresponding resource', async () => {
    expect(await getJson('/posts/1')).toEqual({ status: 200, body: db.posts[0] })
  })

  it('GET /:resource/:id should support string id', async () => {
    expect(await getJson('/refs/abcd-1234')).toEqual({ status: 200, body: db.refs[0] })
  })

  it('GET /:resource/:id should support integer id as string', async () => {
    expect(await getJson('/stringIds/1234')).toEqual({ status: 200, body: db.stringIds[0] })
  })

  it('GET /:resource/:id should respond with 404 if resource is not found (difference: a JSON error, not {})', async () => {
    expect(await getJson('/posts/9001')).toEqual({
      status: 404,
      body: { error: 'The requested resource was not found: /posts/9001.' },
    })
  })

  it('GET /:resource?_embed= should respond with corresponding resources and embedded resources', async () => {
    expect(await getJson('/posts?_embed=comments')).toEqual({
      status: 200,
      body: [
        { ...db.posts[0], comments: [db.comments[0], db.comments[1]] },
        { ...db.posts[1], comments: [db.comments[2], db.comments[3], db.comments[4]] },
      ],
    })
  })

  it('GET /:resource?_embed&_embed= should respond with corresponding resources and embedded resources', async () => {
    expect(await getJson('/posts?_embed=comments&_embed=refs')).toEqual({
      status: 200,
      body: [
        { ...db.posts[0], comments: [db.comments[0], db.comments[1]], refs: [db.refs[0]] },
        {
          ...db.posts[1],
          comments: [db.comments[2], db.comments[3], db.comments[4]],
          refs: [],
        },
      ],
    })
  })

  it('GET /:resource/:id?_embed= should respond with corresponding resources and embedded resources', async () => {
    expect(await getJson('/posts/1?_embed=comments')).toEqual({
      status: 200,
      body: { ...db.posts[0], comments: [db.comments[0], db.comments[1]] },
    })
  })

  it('GET /:resource/:id?_embed=&_embed= should respond with corresponding resource and embedded resources', async () => {
    expect(await getJson('/posts/1?_embed=comments&_embed=refs')).toEqual({
      status: 200,
      body: { ...db.posts[0], comments: [db.comments[0], db.comments[1]], refs: [db.refs[0]] },
    })
  })

  it('GET /:resource?_expand= should respond with corresponding resource and expanded inner resources', async () => {
    expect(await getJson('/refs?_expand=post')).toEqual({
      status: 200,
      body: [{ ...db.refs[0], post: db.posts[0] }],
    })
  })

  it('GET /:resource/:id?_expand= should respond with corresponding resource and expanded inner resources', async () => {
    expect(await getJson('/comments/1?_expand=post')).toEqual({
      status: 200,
      body: { ...db.comments[0], post: db.posts[0] },
    })
  })

  it('GET /:resource?_expand=&_expand should respond with corresponding resource and expanded inner resources', async () => {
    expect(await getJson('/refs?_expand=post&_expand=user')).toEqual({
      status: 200,
      body: [{ ...db.refs[0], post: db.posts[0], user: db.users[0] }],
    })
  })

  it('GET /:resource/:id?_expand=&_expand= should respond with corresponding resource and expanded inner resources', async () => {
    expect(await getJson('/comments/1?_expand=post&_expand=user')).toEqual({
      status: 200,
      body: { ...db.comments[0], post: db.posts[0], user: db.users[0] },
    })
  })
})

describe('json-server plural.js: ?_delay=', () => {
  it('GET /:resource?_delay= should delay response', async () => {
    expect(await delayed('GET', '/posts?_delay=1100')).toBe(200)
  })

  it('POST /:resource?_delay= should delay response', async () => {
    const post = { body: 'foo', booleanValue: true, integerValue: 1 }
    expect(await delayed('POST', '/posts?_delay=1100', post)).toBe(201)
  })

  it('PUT /:resource:id?_delay= should delay response', async () => {
    const post = { id: 1, booleanValue: true, integerValue: 1 }
    expect(await delayed('PUT', '/posts/1?_delay=1100', post)).toBe(200)
  })

  it('PATCH /:resource:id?_delay= should delay response', async () => {
    const post = { id: 1, booleanValue: true, integerValue: 1 }
    expect(await delayed('PATCH', '/posts/1?_delay=1100', post)).toBe(200)
  })

  it('DELETE /:resource:id?_delay= should delay response', async () => {
    expect(await delayed('DELETE', '/posts/1?_delay=1100')).toBe(200)
  })
})

describe('json-server plural.js: POST /:resource', () => {
  it('should respond with json, create a resource and increment id (difference: more exposed headers)', async () => {
    const answer = await request('POST', '/posts', {
      json: { body: 'foo', booleanValue: true, integerValue: 1 },
    })
    expect(answer.headers.get('access-control-expose-headers')).toBe(EXPOSED)
    expect(answer.headers.get('location')).toMatch(/posts\/3$/)
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([
      201,
      { id: 3, body: 'foo', booleanValue: true, integerValue: 1 },
    ])
    expect(stored('posts')).toHaveLength(3)
  })

  it('should support x-www-form-urlencoded', async () => {
    // posts hold no such fields yet, so nothing says their type: the values stay text, as in 0.17
    const answer = await request('POST', '/posts', {
      form: 'body=foo&booleanValue=true&integerValue=1',
    })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([
      201,
      { id: 3, body: 'foo', booleanValue: 'true', integerValue: '1' },
    ])
    expect(stored('posts')).toHaveLength(3)
  })

  it('should respond with json, create a resource and generate string id', async () => {
    const answer = await request('POST', '/refs', { json: { url: 'http://foo.com', postId: 1 } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect(answer.status).toBe(201)
    expect(stored('refs')).toHaveLength(2)
  })

  it('POST /:parent/:parentId/:resource should respond with json and set parentId (difference: postId is the number 1, not "1")', async () => {
    const answer = await request('POST', '/posts/1/comments', { json: { body: 'foo' } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([201, { id: 6, postId: 1, body: 'foo' }])
  })
})

describe('json-server plural.js: PUT, PATCH and DELETE /:resource/:id', () => {
  it('PUT should respond with json and replace resource', async () => {
    const post = { id: 1, booleanValue: true, integerValue: 1 }
    const answer = await request('PUT', '/posts/1', {
      json: post,
      headers: { Accept: 'application/json' },
    })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([200, post])
    expect((stored('posts') as unknown[])[0]).toEqual(post)
  })

  it('PUT should respond with 404 if resource is not found (difference: a JSON error, not {})', async () => {
    const answer = await request('PUT', '/posts/9001', { json: { id: 1, body: 'bar' } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([
      404,
      { error: 'The requested resource was not found: /posts/9001.' },
    ])
  })

  it('PATCH should respond with json and update resource', async () => {
    const answer = await request('PATCH', '/posts/1', { json: { body: 'bar' } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([200, { id: 1, body: 'bar' }])
    expect((stored('posts') as unknown[])[0]).toEqual({ id: 1, body: 'bar' })
  })

  it('PATCH should respond with 404 if resource is not found (difference: a JSON error, not {})', async () => {
    const answer = await request('PATCH', '/posts/9001', { json: { body: 'bar' } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([
      404,
      { error: 'The requested resource was not found: /posts/9001.' },
    ])
  })

  it('DELETE should respond with empty data, destroy resource and dependent resources', async () => {
    const answer = await request('DELETE', '/posts/1')
    expect([answer.status, answer.body]).toEqual([200, {}])
    expect(stored('posts')).toHaveLength(1)
    expect(stored('comments')).toHaveLength(3)
  })

  it('DELETE should respond with 404 if resource is not found (difference: a JSON error, not {})', async () => {
    const answer = await request('DELETE', '/posts/9001')
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([
      404,
      { error: 'The requested resource was not found: /posts/9001.' },
    ])
  })
})

describe('json-server plural.js: static routes, state and headers', () => {
  it("GET / should respond with html (difference: fauxrest's own homepage)", async () => {
    const answer = await get('/', { Accept: 'text/html' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
    expect(answer.text).toContain('/posts')
  })

  it.each(['/script.js', '/style.css'])(
    'GET %s (difference: no json-server page assets; the homepage needs none)',
    async (path) => {
      expect((await get(path)).status).toBe(404)
    },
  )

  it('Database state should be accessible', () => {
    expect(mock.store.data()).toEqual(db)
  })

  it('Responses should have no cache headers (difference: Cache-Control only, no Pragma or Expires)', async () => {
    const answer = await get('/db')
    expect(answer.headers.get('cache-control')).toBe('no-cache')
    expect(answer.headers.get('pragma')).toBeNull()
    expect(answer.headers.get('expires')).toBeNull()
  })
})

describe('json-server plural.js: Rewriter', () => {
  it('should rewrite using prefix', async () => {
    expect((await get('/api/posts/1')).body).toEqual(db.posts[0])
  })

  it('should rewrite using params', async () => {
    expect((await get('/blog/posts/1/show')).body).toEqual(db.posts[0])
  })

  it('should rewrite using query without params', async () => {
    expect((await get('/firstpostwithcomments')).body).toEqual({
      ...db.posts[0],
      comments: [db.comments[0], db.comments[1]],
    })
  })

  it('should rewrite using params and query', async () => {
    expect(await getJson('/comments/special/1-quux')).toEqual({
      status: 200,
      body: [db.comments[4]],
    })
  })

  it('should rewrite query params', async () => {
    expect((await get('/articles?_id=1')).body).toEqual(db.posts[0])
  })

  it('should expose routes', async () => {
    expect((await get('/__rules')).body).toEqual(REWRITER_RULES)
  })
})

describe('json-server plural.js: router.render (a --middlewares module)', () => {
  // json-server's `router.render = (req, res) => res.jsonp({ data: res.locals.data })`, written
  // as the Hono middleware fauxrest takes: it rewrites the answer after the route.
  const wrap: Middleware = async (c, next) => {
    await next()
    const data: unknown = await c.res.json()
    c.res = c.json({ data }, c.res.status as 200)
  }

  beforeEach(async () => {
    await mock.close()
    mock = await memoryMock({ schema: db, middlewares: [wrap] })
  })

  it('should be possible to wrap response', async () => {
    const answer = await get('/posts/1')
    expect(answer.headers.get('content-type')).toMatch(/json/)
    expect([answer.status, JSON.parse(answer.text)]).toEqual([200, { data: db.posts[0] }])
  })
})

describe('json-server plural.js: router.db._.id (the --id option)', () => {
  beforeEach(async () => {
    await mock.close()
    mock = await memoryMock({ schema: { posts: [{ _id: 1 }] }, id: '_id' })
  })

  it('should be possible to GET using a different id property', async () => {
    expect(await getJson('/posts/1')).toEqual({ status: 200, body: { _id: 1 } })
  })

  it('should be possible to POST using a different id property', async () => {
    const answer = await request('POST', '/posts', { json: { body: 'hello' } })
    expect(answer.headers.get('content-type')).toBe(JSON_TYPE)
    expect([answer.status, answer.body]).toEqual([201, { _id: 2, body: 'hello' }])
  })
})
