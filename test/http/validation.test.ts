import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import type { Row } from '../../src/json.ts'
import { SHOP, json, memoryMock, send } from '../helpers.ts'

const LIBRARY = new URL('../fixtures/library.json', import.meta.url).pathname
const INVALID = 'Request had invalid or missing data.'

let shop: Mock
let library: Mock
beforeAll(async () => {
  shop = await memoryMock({ schema: SHOP })
  library = await memoryMock({ schema: LIBRARY })
})
beforeEach(async () => {
  await Promise.all([shop.reset(), library.reset()])
})
afterAll(async () => {
  await Promise.all([shop.close(), library.close()])
})

function customer(index: number): Row {
  const row = shop.store.list('customers')[index]
  if (row === undefined) throw new Error(`no customer ${index}`)
  return row
}

async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  return { status: response.status, body: await json(response) }
}

function invalid(...details: { path: string; message: string }[]) {
  return { status: 422, body: { error: INVALID, details } }
}

describe('writes are validated against the schema', () => {
  it('creates with a uuid id and applies defaults', async () => {
    const created = await send(shop, 'POST', '/customers', {
      name: 'A',
      email: 'a@b.c',
      tier: 'pro',
    })
    const body = (await json(created)) as Row
    expect(created.status).toBe(201)
    expect(body).toEqual({
      name: 'A',
      email: 'a@b.c',
      tier: 'pro',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(created.headers.get('location')).toBe(`/customers/${String(body['id'])}`)

    const id = shop.store.peekNextId('orders')
    const order = await send(shop, 'POST', '/orders', { customerId: customer(0)['id'], total: 10 })
    expect(await answer(order)).toEqual({
      status: 201,
      body: { customerId: customer(0)['id'], total: 10, status: 'open', id },
    })
  })

  it.each([
    [
      'an enum value',
      '/customers',
      { name: 'A', email: 'x@y.z', tier: 'gold' },
      'tier',
      'must be one of "free", "pro"',
    ],
    [
      'a ref to a missing parent',
      '/orders',
      { customerId: 'nope', total: 1 },
      'customerId',
      'customers "nope" does not exist',
    ],
    [
      'a ref of the wrong type',
      '/orders',
      { customerId: 7, total: 1 },
      'customerId',
      'must be a string, not a number',
    ],
    [
      'an integer',
      '/lines',
      { orderId: 1, customerId: null, sku: 's', quantity: 1.5 },
      'quantity',
      'must be an integer, not 1.5',
    ],
    [
      'a client id of the wrong type',
      '/customers',
      { id: 5, name: 'A', email: 'x@y.z', tier: 'pro' },
      'id',
      'must be a non-empty string',
    ],
  ])('refuses %s with a 422', async (_, path, body, field, message) => {
    expect(await answer(await send(shop, 'POST', path, body))).toEqual(
      invalid({ path: field, message }),
    )
  })

  it('accepts a client id of the right type, and answers its Location', async () => {
    const response = await send(shop, 'POST', '/customers', {
      id: 'c-1',
      name: 'A',
      email: 'c@d.e',
      tier: 'free',
    })
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/customers/c-1')
    expect(await json(await send(shop, 'GET', '/customers/c-1'))).toEqual({
      id: 'c-1',
      name: 'A',
      email: 'c@d.e',
      tier: 'free',
    })
  })

  it('replaces with PUT: every required field, defaults applied, the id kept', async () => {
    const customerId = customer(1)['id']
    const missing = await send(shop, 'PUT', '/orders/1', { total: 3 })
    expect(await answer(missing)).toEqual(invalid({ path: 'customerId', message: 'is required' }))
    const replaced = await send(shop, 'PUT', '/orders/1', { id: 99, customerId, total: 3 })
    expect(await answer(replaced)).toEqual({
      status: 200,
      body: { customerId, total: 3, status: 'open', id: 1 },
    })
  })

  it('patches with PATCH: only the fields sent, null only where nullable', async () => {
    const order = shop.store.get('orders', 1)
    expect(await answer(await send(shop, 'PATCH', '/orders/1', { status: 'paid' }))).toEqual({
      status: 200,
      body: { ...order, status: 'paid' },
    })
    expect(await answer(await send(shop, 'PATCH', '/orders/1', { status: null }))).toEqual(
      invalid({ path: 'status', message: 'must be a string, not null' }),
    )
    expect(await answer(await send(shop, 'PATCH', '/orders/1', { customerId: 'gone' }))).toEqual(
      invalid({ path: 'customerId', message: 'customers "gone" does not exist' }),
    )
    const line = shop.store.get('lines', 1)
    expect(await answer(await send(shop, 'PATCH', '/lines/1', { customerId: null }))).toEqual({
      status: 200,
      body: { ...line, customerId: null },
    })
  })

  it('keeps unique values unique across POST, PUT and PATCH; an item keeps its own', async () => {
    const [first, second] = [customer(0), customer(1)]
    const clash = (by: Row) => ({
      status: 409,
      body: {
        error: 'Request conflicts with existing data.',
        details: [
          {
            path: 'email',
            message: `must be unique: "${String(by['email'])}" is already used by customers "${String(by['id'])}"`,
          },
        ],
      },
    })
    const path = `/customers/${String(second['id'])}`
    expect(await answer(await send(shop, 'PATCH', path, { email: first['email'] }))).toEqual(
      clash(first),
    )
    expect(
      await answer(
        await send(shop, 'PUT', path, { name: 'B', email: first['email'], tier: 'pro' }),
      ),
    ).toEqual(clash(first))
    expect((await send(shop, 'PATCH', path, { email: second['email'] })).status).toBe(200)
  })

  it('sets foreign keys from a nested path over the body, then validates', async () => {
    const [owner, other] = [customer(2)['id'], customer(3)['id']]
    const id = shop.store.peekNextId('orders')
    const response = await send(shop, 'POST', `/customers/${String(owner)}/orders`, {
      customerId: other,
      total: 5,
    })
    expect(await answer(response)).toEqual({
      status: 201,
      body: { customerId: owner, total: 5, status: 'open', id },
    })
    const bad = await send(shop, 'POST', `/customers/${String(owner)}/orders`, { total: 'five' })
    expect(await answer(bad)).toEqual(
      invalid({ path: 'total', message: 'must be an integer, not a string' }),
    )
  })

  it('validates a singular resource: PUT needs every field, PATCH checks what it has', async () => {
    expect(await answer(await send(shop, 'PUT', '/settings', { currency: 'USD' }))).toEqual(
      invalid({ path: 'open', message: 'is required' }),
    )
    expect(await answer(await send(shop, 'PATCH', '/settings', { open: 'yes' }))).toEqual(
      invalid({ path: 'open', message: 'must be a boolean, not a string' }),
    )
    expect(
      await answer(await send(shop, 'PUT', '/settings', { currency: 'USD', open: false })),
    ).toEqual({
      status: 200,
      body: { currency: 'USD', open: false },
    })
  })

  it('accepts any object on a free-form resource', async () => {
    const note = { text: 'hi', meta: { tags: ['a', 1, null], nested: { ok: true } } }
    const id = shop.store.peekNextId('notes')
    expect(await answer(await send(shop, 'POST', '/notes', note))).toEqual({
      status: 201,
      body: { ...note, id },
    })
  })
})

describe('deleting parents follows each ref’s onDelete', () => {
  it('cascade: deleting an order deletes its lines, and nothing else', async () => {
    const before = (await json(await send(shop, 'GET', '/db'))) as Record<string, Row[]>
    expect(await answer(await send(shop, 'DELETE', '/orders/1'))).toEqual({ status: 200, body: {} })
    const after = (await json(await send(shop, 'GET', '/db'))) as Record<string, unknown>
    expect(after).toEqual({
      ...before,
      orders: before['orders']?.filter((order) => order['id'] !== 1),
      lines: before['lines']?.filter((line) => line['orderId'] !== 1),
    })
    expect(await json(await send(shop, 'GET', '/orders/1/lines'))).toEqual({
      error: 'The requested resource was not found: /orders/1/lines.',
    })
  })

  it('cascade to any depth and nullify: deleting a customer', async () => {
    const [gone, kept] = [customer(0)['id'], customer(1)['id']]
    const keptOrder = shop.store.list('orders').find((order) => order['customerId'] === kept)
    const line = { orderId: keptOrder?.['id'] ?? 0, customerId: gone, sku: 'X-1', quantity: 1 }
    const id = shop.store.peekNextId('lines')
    expect(await answer(await send(shop, 'POST', '/lines', line))).toEqual({
      status: 201,
      body: { ...line, id },
    })
    const before = (await json(await send(shop, 'GET', '/db'))) as Record<string, Row[]>
    const goneOrders = new Set(
      before['orders']?.filter((o) => o['customerId'] === gone).map((o) => o['id']),
    )

    expect(await answer(await send(shop, 'DELETE', `/customers/${String(gone)}`))).toEqual({
      status: 200,
      body: {},
    })
    expect(await json(await send(shop, 'GET', '/db'))).toEqual({
      ...before,
      customers: before['customers']?.filter((c) => c['id'] !== gone),
      orders: before['orders']?.filter((o) => !goneOrders.has(o['id'])),
      lines: before['lines']
        ?.filter((l) => !goneOrders.has(l['orderId']))
        .map((l) => (l['customerId'] === gone ? { ...l, customerId: null } : l)),
    })
    expect(await json(await send(shop, 'GET', `/lines/${String(id)}`))).toEqual({
      ...line,
      customerId: null,
      id,
    })
  })

  it('restrict: 409 while children exist, then the delete goes ahead', async () => {
    const blocked = await send(library, 'DELETE', '/authors/1')
    expect(await answer(blocked)).toEqual({
      status: 409,
      body: {
        error: 'Cannot delete authors 1: restricted by books.authorId.',
        details: [
          { path: 'books.authorId', message: 'books 1, 2 refer to authors 1 (onDelete: restrict)' },
        ],
      },
    })
    expect(library.store.list('authors')).toHaveLength(2)
    await send(library, 'DELETE', '/books/1')
    await send(library, 'DELETE', '/books/2')
    expect(await answer(await send(library, 'DELETE', '/authors/1'))).toEqual({
      status: 200,
      body: {},
    })
    expect(await json(await send(library, 'GET', '/db'))).toEqual({
      authors: [library.store.get('authors', 2)],
      books: [library.store.get('books', 3), library.store.get('books', 4)],
    })
  })
})
