import { afterEach, describe, expect, it } from 'vitest'
import { renderBanner } from '../../src/cli/render-banner.ts'
import type { Mock } from '../../src/mock.ts'
import { nestingProblems } from '../pages/homepage-fixture.ts'
import { json, memoryMock, send } from '../helpers.ts'

const PETSTORE = new URL('../fixtures/openapi/petstore.yaml', import.meta.url).pathname

let mock: Mock | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

describe('the homepage and banner of a served document', () => {
  it('list the document’s operations, not fauxrest’s resource routes', async () => {
    mock = await memoryMock({ schema: PETSTORE })
    const html = await (await send(mock, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(nestingProblems(html)).toEqual([])
    expect(html).toContain('<h2 id="operations">Operations</h2>')
    expect(html).toContain(
      '<tr><td><code><span class="method">GET</span></code></td><td><code>/pet/{petId}</code></td><td>getPetById</td><td>reads from pet</td></tr>',
    )
    expect(html).toContain('Items now: pet 10, order 10, user 10.')
    // fauxrest's own resource routes, examples and query language are not the document's
    expect(html).not.toContain('/pet/:id')
    expect(html).not.toContain('id="queries"')
    expect(html).not.toContain('id="examples"')

    const page = (await json(
      await send(mock, 'GET', '/', undefined, { Accept: 'application/json' }),
    )) as { operations: unknown[]; resources: unknown[] }
    expect(page.operations).toHaveLength(19)
    expect(page.operations[0]).toEqual({
      method: 'POST',
      path: '/pet',
      operationId: 'addPet',
      does: 'creates in pet',
    })
    expect(page.resources[0]).toEqual({ name: 'pet', url: '/pet', count: 10 })

    const banner = renderBanner(mock, {
      version: '0.0.0',
      file: 'petstore.yaml',
      db: ':memory:',
      url: 'http://127.0.0.1:3000',
      color: false,
    })
    expect(banner).toContain(
      [
        '  method  path                      operation                 does',
        '  POST    /pet                      addPet                    creates in pet',
        '  PUT     /pet                      updatePet                 replaces in pet (the body names the item)',
      ].join('\n'),
    )
    expect(banner).toContain('  GET     /store/inventory          getInventory')
    expect(banner).toContain('  Items: pet 10, order 10, user 10\n')
    expect(banner).not.toContain('/pet/:id')
  })
})

describe('a map of counts the operation’s words name', () => {
  it('counts pets by status for Petstore’s /store/inventory, and follows writes', async () => {
    mock = await memoryMock({ schema: PETSTORE })
    const key = { api_key: 'k' }
    const expected = (): Record<string, number> => {
      const counts: Record<string, number> = { available: 0, pending: 0, sold: 0 }
      for (const pet of mock?.store.list('pet') ?? []) {
        const status = pet['status']
        if (typeof status === 'string') counts[status] = (counts[status] ?? 0) + 1
      }
      return counts
    }
    const first = await send(mock, 'GET', '/store/inventory', undefined, key)
    expect(first.status).toBe(200)
    const counted = (await json(first)) as Record<string, number>
    expect(counted).toEqual(expected())
    const withStatus = mock.store.list('pet').filter((pet) => pet['status'] !== undefined)
    expect(Object.values(counted).reduce((sum, n) => sum + n, 0)).toBe(withStatus.length)
    const made = await send(
      mock,
      'POST',
      '/pet',
      { name: 'Rex', photoUrls: [], status: 'sold' },
      {
        Authorization: 'Bearer t',
      },
    )
    expect(made.status).toBe(200)
    const after = (await json(
      await send(mock, 'GET', '/store/inventory', undefined, key),
    )) as Record<string, number>
    expect(after).toEqual({ ...counted, sold: (counted['sold'] ?? 0) + 1 })
    const html = await (await send(mock, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(html).toContain('<td>getInventory</td><td>counts pet by status</td>')
  })
})

describe('a map of counts its words do not pin down', () => {
  const COUNTS = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } }
  const ITEM = (enumName: string) => ({
    type: 'object',
    properties: {
      id: { type: 'integer', readOnly: true },
      status: { type: 'string', enum: [`${enumName}-a`, `${enumName}-b`] },
    },
  })
  const list = (schema: object) => ({
    get: {
      responses: {
        '200': {
          description: 'list',
          content: { 'application/json': { schema: { type: 'array', items: schema } } },
        },
      },
    },
  })
  const document = (summary: string) => ({
    openapi: '3.0.3',
    info: { title: 'Counts', version: '1' },
    paths: {
      '/pets': list(ITEM('pet')),
      '/orders': list(ITEM('order')),
      '/stats': {
        get: {
          operationId: 'getStats',
          summary,
          responses: {
            '200': { description: 'counts', content: { 'application/json': { schema: COUNTS } } },
          },
        },
      },
    },
  })

  it.each([
    ['names two resources', 'Returns pet and order counts by status'],
    ['names no field', 'Returns pet counts'],
  ])('is generated when its words %s', async (_, summary) => {
    mock = await memoryMock({ schema: document(summary) })
    const html = await (await send(mock, 'GET', '/', undefined, { Accept: 'text/html' })).text()
    expect(html).toContain('<td>getStats</td><td>generated answer</td>')
    const answer = (await json(await send(mock, 'GET', '/stats'))) as Record<string, unknown>
    expect(Object.keys(answer).some((key) => key.startsWith('pet-'))).toBe(false)
  })

  it('counts when they name one resource and its enum field', async () => {
    mock = await memoryMock({ schema: document('Returns order counts by status') })
    const answer = (await json(await send(mock, 'GET', '/stats'))) as Record<string, number>
    expect(Object.keys(answer).slice(0, 2)).toEqual(['order-a', 'order-b'])
    const total = Object.values(answer).reduce((sum, n) => sum + n, 0)
    const withStatus = mock.store.list('orders').filter((row) => row['status'] !== undefined)
    expect(total).toBe(withStatus.length)
  })
})
