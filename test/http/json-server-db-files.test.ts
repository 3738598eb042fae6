// json-server 0.17.4's __tests__/server/schema-ignore.js and validate-data.js: the db files it
// starts on, and those it refuses.
import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { json, memoryMock, send } from '../helpers.ts'

describe('json-server schema-ignore.js', () => {
  it('doesnt error with $schema node', async () => {
    const user = { name: 'foo', email: 'foo@example.com' }
    const mock = await memoryMock({ schema: { $schema: 'http://some.schema.somewhere/', user } })
    const response = await send(mock, 'GET', '/user')
    expect([response.status, await json(response)]).toEqual([200, user])
    await mock.close()
  })
})

describe('json-server validate-data.js', () => {
  it('should throw an error if data contains /', async () => {
    const failure = memoryMock({ schema: { 'a/b': [] } })
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toThrow(
      'schema: "a/b" cannot be a resource name: "/" is not allowed in one',
    )
  })

  it('should throw an error if data is an array', async () => {
    const failure = memoryMock({ schema: [] })
    await expect(failure).rejects.toBeInstanceOf(UserError)
    await expect(failure).rejects.toThrow(
      'schema: a database must be a JSON object of resources, like {"posts": []}; found an array',
    )
  })

  it("shouldn't throw an error", async () => {
    const mock = await memoryMock({ schema: { a: [] } })
    expect((await send(mock, 'GET', '/a')).status).toBe(200)
    await mock.close()
  })
})

describe('resource names json-server takes', () => {
  const db = () => ({
    'my posts': [{ id: 1, title: 'spaced' }],
    _private: [{ id: 1, secret: true }],
    db: [{ id: 1, kind: 'a db item' }],
    Übersicht: { total: 3 },
    comments: [{ id: 1, 'my postId': 1 }],
  })

  it('serves a name with a space percent-encoded, with encoded links', async () => {
    const mock = await memoryMock({ schema: db() })
    const list = await send(mock, 'GET', '/my%20posts')
    expect([list.status, await json(list)]).toEqual([200, [{ id: 1, title: 'spaced' }]])
    const created = await send(mock, 'POST', '/my%20posts', { title: 'two' })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toBe('/my%20posts/2')
    const item = await send(mock, 'GET', '/my%20posts/2')
    expect(await json(item)).toEqual({ title: 'two', id: 2 })
    const nested = await send(mock, 'GET', '/my%20posts/1/comments')
    expect(await json(nested)).toEqual([{ id: 1, 'my postId': 1 }])
    const single = await send(mock, 'GET', `/${encodeURIComponent('Übersicht')}`)
    expect(await json(single)).toEqual({ total: 3 })
    const home = await send(mock, 'GET', '/?format=json')
    const urls = ((await json(home)) as { resources: { url: string }[] }).resources.map(
      (resource) => resource.url,
    )
    expect(urls).toEqual(['/my%20posts', '/_private', '/db', '/%C3%9Cbersicht', '/comments'])
    await mock.close()
  })

  it('serves a name starting with "_" beside its own _ routes', async () => {
    const mock = await memoryMock({ schema: db() })
    const list = await send(mock, 'GET', '/_private/1')
    expect([list.status, await json(list)]).toEqual([200, { id: 1, secret: true }])
    const reset = await send(mock, 'POST', '/_reset')
    expect(await json(reset)).toEqual({ reset: true })
    await mock.close()
  })

  it('answers GET /db with the whole database and the rest of /db with the resource, as json-server', async () => {
    const mock = await memoryMock({ schema: db() })
    const whole = await send(mock, 'GET', '/db')
    expect(await json(whole)).toEqual(db())
    const item = await send(mock, 'GET', '/db/1')
    expect(await json(item)).toEqual({ id: 1, kind: 'a db item' })
    const created = await send(mock, 'POST', '/db', { kind: 'another' })
    expect(created.status).toBe(201)
    expect(created.headers.get('Location')).toBe('/db/2')
    const patched = await send(mock, 'PATCH', '/db/2', { kind: 'changed' })
    expect(await json(patched)).toEqual({ kind: 'changed', id: 2 })
    const document = await json(await send(mock, 'GET', '/openapi.json'))
    const paths = (document as { paths: Record<string, Record<string, { summary?: string }>> })
      .paths
    expect(paths['/db']?.['get']?.summary).toBe('Get the whole database')
    expect(Object.keys(paths['/db'] ?? {})).toEqual(['get', 'post'])
    await mock.close()
  })

  it('warns about db when it loads the file', async () => {
    const { loadSchema } = await import('../../src/node/load-schema.ts')
    const { createFakerCatalog } = await import('../../src/generate/faker-catalog.ts')
    const loaded = await loadSchema(db(), createFakerCatalog(), {})
    expect(loaded.warnings).toEqual([
      '"db": GET /db answers the whole database (the resource is its "db" key), as in json-server; ' +
        "the resource's items are at /db/:id, and POST /db adds one",
    ])
  })
})
