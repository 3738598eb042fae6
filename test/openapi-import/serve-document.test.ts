import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createMock, type Mock } from '../../src/mock.ts'
import { json, send, tempDir } from '../helpers.ts'
import { runMain } from '../cli-main.ts'
import { shopDocument } from './shop-document.ts'

const BASIC = { Authorization: `Basic ${btoa('ann:secret')}` }
const opened: Mock[] = []
async function open(schema: string | object, db = ':memory:', seed?: number): Promise<Mock> {
  const mock = await createMock({ schema, db, ...(seed === undefined ? {} : { seed }) })
  opened.push(mock)
  return mock
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((mock) => mock.close()))
})

describe('serving an OpenAPI document', () => {
  it('creates with the declared status and headers, fills readOnly fields and hides writeOnly ones', async () => {
    const mock = await open(shopDocument())
    const created = await send(
      mock,
      'POST',
      '/customers',
      { email: 'ann@example.com', tier: 'gold', secret: 's3' },
      BASIC,
    )
    expect(created.status).toBe(201)
    expect(created.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(created.headers.get('x-request-id')).toBe('00000000-0000-4000-8000-000000000000')
    expect(created.headers.get('location')).toBe('http://localhost/customers/11')
    expect(await json(created)).toEqual({
      email: 'ann@example.com',
      tier: 'gold',
      id: 11,
      createdAt: '2025-01-01T00:00:00Z',
    })
    // stored as sent (writeOnly kept in state, not shown), and read back in the document's shape
    expect(mock.store.get('customers', 11)).toEqual({
      email: 'ann@example.com',
      tier: 'gold',
      secret: 's3',
      id: 11,
    })
    const read = await send(mock, 'GET', '/customers/11')
    expect(await json(read)).toEqual({
      email: 'ann@example.com',
      tier: 'gold',
      id: 11,
      createdAt: '2025-01-01T00:00:00Z',
    })
  })

  it('accepts any well-formed credential of a declared scheme, and answers 401 without one', async () => {
    const mock = await open(shopDocument())
    const body = { email: 'a@example.com', tier: 'gold' }
    const none = await send(mock, 'POST', '/customers', body)
    expect(none.status).toBe(401)
    expect(none.headers.get('www-authenticate')).toBe('Basic')
    expect(await json(none)).toEqual({
      error: 'A credential is required: Authorization: Basic <user:password> or the query key.',
    })
    expect(
      (await send(mock, 'POST', '/customers', body, { Authorization: 'Basic !!' })).status,
    ).toBe(401)
    expect((await send(mock, 'POST', '/customers?key=k1', body)).status).toBe(201)
    expect(mock.store.list('customers')).toHaveLength(11)
  })

  it('validates writes against the request schema: 422 in the declared problem+json shape', async () => {
    const mock = await open(shopDocument())
    const bad = await send(mock, 'POST', '/customers/1/orders', { total: 0, id: 'mine' })
    expect(bad.status).toBe(422)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    expect(await json(bad)).toEqual({
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'Request had invalid or missing data. total: 0 is less than 0.',
    })
    // readOnly properties are the server's: one sent is left out, not stored
    const ok = await send(mock, 'POST', '/customers/1/orders', { total: 12.5, id: 'mine' })
    expect(ok.status).toBe(201)
    const order = (await json(ok)) as { id: string; customerId: number; total: number }
    expect(order).toEqual({ total: 12.5, customerId: 1, id: order.id })
    expect(order.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    const list = (await json(await send(mock, 'GET', '/customers/1/orders'))) as { id: string }[]
    expect(list.map((o) => o.id)).toContain(order.id)
    const missing = await send(mock, 'POST', '/customers/999/orders', { total: 1 })
    expect(missing.status).toBe(404)
    expect(await json(missing)).toEqual({
      error: 'The requested resource was not found: /customers/999/orders.',
    })
  })

  it('gives the same data for the same document and seed, other data for another seed', async () => {
    const first = await json(await send(await open(shopDocument()), 'GET', '/db'))
    const again = await json(await send(await open(shopDocument()), 'GET', '/db'))
    const other = await json(await send(await open(shopDocument(), ':memory:', 2), 'GET', '/db'))
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
  })

  it('serves the user document at /openapi.json with this server first, and /docs on it', async () => {
    const mock = await open(shopDocument())
    const served = (await json(await send(mock, 'GET', '/openapi.json'))) as Record<string, unknown>
    expect(served).toEqual({
      ...shopDocument(),
      servers: [{ url: 'http://localhost', description: 'fauxrest' }],
    })
    const docs = await send(mock, 'GET', '/docs')
    expect(docs.status).toBe(200)
    expect(await docs.text()).toContain('/openapi.json')
  })

  it('persists writes like any fauxrest data, and a method the path lacks is a 405', async () => {
    const dir = await tempDir()
    try {
      const db = join(dir.path, 'db.json')
      const first = await open(shopDocument(), db)
      expect(
        (
          await send(
            first,
            'POST',
            '/customers',
            { email: 'kept@example.com', tier: 'gold' },
            BASIC,
          )
        ).status,
      ).toBe(201)
      const refused = await send(first, 'DELETE', '/customers')
      expect(refused.status).toBe(405)
      expect(refused.headers.get('allow')).toBe('GET, POST')
      await first.close()
      const saved = JSON.parse(await readFile(db, 'utf8')) as { customers: { email: string }[] }
      expect(saved.customers.at(-1)).toEqual({ email: 'kept@example.com', tier: 'gold', id: 11 })
      const second = await open(shopDocument(), db)
      expect(await json(await send(second, 'GET', '/customers/11'))).toEqual({
        email: 'kept@example.com',
        tier: 'gold',
        id: 11,
        createdAt: '2025-01-01T00:00:00Z',
      })
    } finally {
      await dir.remove()
    }
  })
})

describe('fauxrest import and fauxrest openapi.yaml on the command line', () => {
  it('writes the schema it serves; serving that schema gives the same data and routes', async () => {
    const dir = await tempDir()
    try {
      await writeFile(join(dir.path, 'shop.json'), JSON.stringify(shopDocument()))
      const run = await runMain(dir.path, ['import', 'shop.json', '--out', 'schema.json'])
      expect(run).toEqual({
        code: 0,
        out: '',
        err:
          'fauxrest: warning: shop.json: #/paths/~1report.xml/get/responses/200/content: skipped: only non-JSON media types are declared (unsupported)\n' +
          'fauxrest: warning: shop.json: #/paths/~1health/get/responses: skipped: no 2xx or default response is declared\n',
      })
      const schema = JSON.parse(await readFile(join(dir.path, 'schema.json'), 'utf8')) as Record<
        string,
        unknown
      >
      expect(Object.keys(schema)).toEqual(['seed', 'resources', 'openapi'])
      const fromSchema = await open(join(dir.path, 'schema.json'))
      const fromDocument = await open(join(dir.path, 'shop.json'))
      expect(await json(await send(fromSchema, 'GET', '/db'))).toEqual(
        await json(await send(fromDocument, 'GET', '/db')),
      )
      const created = await send(fromSchema, 'POST', '/customers/2/orders', { total: 3 })
      expect(created.status).toBe(201)
    } finally {
      await dir.remove()
    }
  })

  it('reports a bad document in one line naming the pointer, and exits 1', async () => {
    const dir = await tempDir()
    try {
      const document = shopDocument() as { components: { schemas: Record<string, unknown> } }
      delete document.components.schemas['Order']
      await writeFile(join(dir.path, 'bad.yaml'), `# a YAML document\n${JSON.stringify(document)}`)
      const run = await runMain(dir.path, ['import', 'bad.yaml'])
      expect(run.code).toBe(1)
      expect(run.out).toBe('')
      expect(run.err).toBe(
        'fauxrest: bad.yaml: #/paths/~1customers~1{customerId}~1orders/get/responses/200/content/application~1json/schema/items: unresolved $ref "#/components/schemas/Order"\n',
      )
      await writeFile(join(dir.path, 'broken.yaml'), 'openapi: 3.1.0\npaths: [\n')
      const broken = await runMain(dir.path, ['import', 'broken.yaml'])
      expect(broken.code).toBe(1)
      expect(broken.err).toMatch(/^fauxrest: broken\.yaml:3:1: invalid YAML: .+\n$/)
    } finally {
      await dir.remove()
    }
  })
})
