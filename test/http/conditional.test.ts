import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import { JSONPLACEHOLDER, SHOP, json, memoryMock, send } from '../helpers.ts'

let mock: Mock
let shop: Mock
beforeAll(async () => {
  mock = await memoryMock({ schema: JSONPLACEHOLDER })
  shop = await memoryMock({ schema: SHOP })
})
beforeEach(async () => {
  await Promise.all([mock.reset(), shop.reset()])
})
afterAll(async () => {
  await Promise.all([mock.close(), shop.close()])
})

const STALE = {
  error: 'The item has changed since it was read (If-Match).',
}

async function etagOf(on: Mock, path: string): Promise<string> {
  const etag = (await send(on, 'GET', path)).headers.get('etag')
  if (etag === null) throw new Error(`no ETag on ${path}`)
  return etag
}

describe('ETag', () => {
  it.each([
    [JSONPLACEHOLDER, '/posts/1'],
    [JSONPLACEHOLDER, '/posts'],
    [JSONPLACEHOLDER, '/posts?_page=2&_limit=5'],
    [JSONPLACEHOLDER, '/users/1/posts'],
    [JSONPLACEHOLDER, '/posts/1?_embed=comments'],
    [SHOP, '/settings'],
    [JSONPLACEHOLDER, '/db'],
    [JSONPLACEHOLDER, '/'],
  ])('is on every answer of %s %s, stable while nothing changes', async (schema, path) => {
    const on = schema === SHOP ? shop : mock
    const first = await etagOf(on, path)
    expect(first).toMatch(/^"[\w-]+"$/)
    expect(await etagOf(on, path)).toBe(first)
  })

  it('changes when the item changes, and a write answers with the new one', async () => {
    const before = await etagOf(mock, '/posts/1')
    const patched = await send(mock, 'PATCH', '/posts/1', { title: 'new' })
    const after = await etagOf(mock, '/posts/1')
    expect(after).not.toBe(before)
    expect(patched.headers.get('etag')).toBe(after)
  })

  it('on a created item is the one a read of it gives, with the same headers', async () => {
    const created = await send(mock, 'POST', '/posts', { userId: 1, title: 't', body: 'b' })
    expect(created.status).toBe(201)
    const read = await send(mock, 'GET', '/posts/101')
    expect(created.headers.get('etag')).toBe(read.headers.get('etag'))
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(created.headers.get('cache-control')).toBe('no-cache')
    expect(created.headers.get('location')).toBe('/posts/101')
    expect(await json(created)).toEqual(await json(read))
  })
})

describe('If-None-Match on GET', () => {
  it.each([
    ['the same ETag', (etag: string) => etag],
    ['a weak ETag', (etag: string) => `W/${etag}`],
    ['a list holding it', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers 304 with the ETag and no body for %s', async (_, header) => {
    for (const path of ['/posts/1', '/posts?userId=1', '/users/1/albums']) {
      const etag = await etagOf(mock, path)
      const response = await send(mock, 'GET', path, undefined, { 'If-None-Match': header(etag) })
      expect(response.status).toBe(304)
      expect(response.headers.get('etag')).toBe(etag)
      expect(await response.text()).toBe('')
    }
  })

  it('answers 200 with the body once the item changed', async () => {
    const etag = await etagOf(mock, '/posts/1')
    const before = mock.store.get('posts', 1)
    await send(mock, 'PATCH', '/posts/1', { title: 'new' })
    const response = await send(mock, 'GET', '/posts/1', undefined, { 'If-None-Match': etag })
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ ...before, title: 'new' })
  })
})

describe('If-Match on writes', () => {
  const writes: [string, unknown][] = [
    ['PUT', { userId: 1, title: 't', body: 'b' }],
    ['PATCH', { title: 't' }],
    ['DELETE', undefined],
  ]

  it.each(writes)('%s with a stale ETag is 412 and changes nothing', async (method, body) => {
    const before = mock.store.get('posts', 1)
    const response = await send(mock, method, '/posts/1', body, { 'If-Match': '"stale"' })
    expect(response.status).toBe(412)
    expect(await json(response)).toEqual(STALE)
    expect(mock.store.get('posts', 1)).toBe(before)
  })

  it.each(writes)('%s with the current ETag (or *, or a list) goes ahead', async (method, body) => {
    for (const header of [(etag: string) => etag, () => '*', (etag: string) => `"x", ${etag}`]) {
      await mock.reset()
      const etag = await etagOf(mock, '/posts/2')
      const response = await send(mock, method, '/posts/2', body, { 'If-Match': header(etag) })
      expect(response.status).toBe(200)
    }
  })

  it('is checked before the body, so a stale write with a bad body is still 412', async () => {
    const response = await send(mock, 'PUT', '/posts/1', { nope: 1 }, { 'If-Match': '"stale"' })
    expect(response.status).toBe(412)
  })

  it('lets a client chain writes with the ETag each answer gives', async () => {
    const first = await send(
      mock,
      'PATCH',
      '/posts/3',
      { title: 'one' },
      {
        'If-Match': await etagOf(mock, '/posts/3'),
      },
    )
    const etag = first.headers.get('etag') ?? ''
    const second = await send(mock, 'PATCH', '/posts/3', { title: 'two' }, { 'If-Match': etag })
    expect(second.status).toBe(200)
    const late = await send(mock, 'PATCH', '/posts/3', { title: 'three' }, { 'If-Match': etag })
    expect(late.status).toBe(412)
    expect(mock.store.get('posts', 3)?.['title']).toBe('two')
  })

  it('works on a singular resource', async () => {
    const stale = await send(shop, 'PATCH', '/settings', { open: false }, { 'If-Match': '"x"' })
    expect(stale.status).toBe(412)
    expect(await json(stale)).toEqual(STALE)
    const etag = await etagOf(shop, '/settings')
    const fresh = await send(shop, 'PATCH', '/settings', { open: false }, { 'If-Match': etag })
    expect(await json(fresh)).toEqual({ currency: 'EUR', open: false })
  })

  it('a write whose If-None-Match matches the item is 412 (RFC 9110)', async () => {
    const etag = await etagOf(mock, '/posts/1')
    for (const header of [etag, '*']) {
      const response = await send(
        mock,
        'PATCH',
        '/posts/1',
        { title: 'x' },
        { 'If-None-Match': header },
      )
      expect(response.status).toBe(412)
      expect(await json(response)).toEqual({ error: 'The item matches If-None-Match.' })
    }
    const other = await send(mock, 'PATCH', '/posts/1', { title: 'x' }, { 'If-None-Match': '"x"' })
    expect(other.status).toBe(200)
  })
})

describe('HEAD', () => {
  it.each([
    [JSONPLACEHOLDER, '/posts/1'],
    [JSONPLACEHOLDER, '/posts?_page=2&_limit=10'],
    [JSONPLACEHOLDER, '/posts?_start=5&_end=10'],
    [JSONPLACEHOLDER, '/users/1/todos'],
    [SHOP, '/settings'],
    [JSONPLACEHOLDER, '/db'],
    [JSONPLACEHOLDER, '/'],
  ])('answers %s %s with the headers of GET and no body', async (schema, path) => {
    const on = schema === SHOP ? shop : mock
    const get = await send(on, 'GET', path)
    const head = await send(on, 'HEAD', path)
    expect(head.status).toBe(200)
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(get.headers))
    expect(await head.text()).toBe('')
  })

  it('answers 404 and 304 as GET does, and never writes', async () => {
    const missing = await send(mock, 'HEAD', '/posts/999')
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe('')
    const etag = await etagOf(mock, '/posts/1')
    expect(
      (await send(mock, 'HEAD', '/posts/1', undefined, { 'If-None-Match': etag })).status,
    ).toBe(304)
    expect(mock.store.list('posts')).toHaveLength(100)
  })
})
