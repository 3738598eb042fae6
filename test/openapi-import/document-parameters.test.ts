import { afterEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/mock.ts'
import { json, memoryMock, send } from '../helpers.ts'

const PET = {
  type: 'object',
  required: ['name'],
  properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } },
}

/** A document whose list takes a header, a cookie and a paged query with a declared default. */
function petsDocument(limit: object = { type: 'integer', minimum: 1, maximum: 50 }) {
  return {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1' },
    paths: {
      '/pets': {
        get: {
          parameters: [
            {
              name: 'X-Priority',
              in: 'header',
              required: true,
              schema: { type: 'integer', minimum: 1, maximum: 5 },
            },
            {
              name: 'X-Tags',
              in: 'header',
              schema: { type: 'array', items: { enum: ['a', 'b'] } },
            },
            { name: 'Accept', in: 'header', required: true, schema: { type: 'integer' } },
            { name: 'session', in: 'cookie', schema: { type: 'string', minLength: 3 } },
            { name: 'limit', in: 'query', schema: limit },
          ],
          responses: {
            '200': {
              description: 'pets',
              content: {
                'application/json': { schema: { type: 'array', items: PET } },
              },
            },
          },
        },
        post: {
          requestBody: { content: { 'application/json': { schema: PET } } },
          responses: {
            '201': { description: 'made', content: { 'application/json': { schema: PET } } },
          },
        },
      },
      '/pets/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: {
            '200': { description: 'pet', content: { 'application/json': { schema: PET } } },
          },
        },
      },
    },
  }
}

const opened: Mock[] = []
async function open(document: object): Promise<Mock> {
  const mock = await memoryMock({ schema: document })
  opened.push(mock)
  return mock
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((mock) => mock.close()))
})

describe('header and cookie parameters of a served document', () => {
  it('checks them like query parameters: 400 naming each one that is missing or refused', async () => {
    const mock = await open(petsDocument())
    const missing = await send(mock, 'GET', '/pets')
    expect(missing.status).toBe(400)
    expect(await json(missing)).toEqual({
      error: 'Request had invalid parameters.',
      details: [{ path: 'header parameter X-Priority', message: 'is required' }],
    })
    const bad = await send(mock, 'GET', '/pets', undefined, {
      'X-Priority': '9',
      'X-Tags': 'a, c',
      Cookie: 'theme=dark; session=ab',
    })
    expect(bad.status).toBe(400)
    expect(await json(bad)).toEqual({
      error: 'Request had invalid parameters.',
      details: [
        { path: 'header parameter X-Priority', message: '9 is greater than 5.' },
        { path: 'header parameter X-Tags.1', message: 'Instance does not match any of ["a","b"].' },
        { path: 'cookie parameter session', message: 'String is too short (2 < 3).' },
      ],
    })
    const good = await send(mock, 'GET', '/pets', undefined, {
      'x-priority': '2',
      'X-Tags': 'a, b',
      Cookie: 'session=abc',
    })
    expect(good.status).toBe(200)
  })
})

describe('a declared default page size', () => {
  const headers = { 'X-Priority': '1' }
  const limit = { type: 'integer', minimum: 1, maximum: 50, default: 4 }

  it('pages a list the request does not page, and yields to the one it asks for', async () => {
    const mock = await open(petsDocument(limit))
    const all = mock.store.list('pets')
    expect(all.length).toBeGreaterThan(4)
    const first = await send(mock, 'GET', '/pets', undefined, headers)
    expect(first.status).toBe(200)
    expect(first.headers.get('x-total-count')).toBe(String(all.length))
    expect(((await json(first)) as { id: number }[]).map((pet) => pet.id)).toEqual(
      all.slice(0, 4).map((pet) => pet['id']),
    )
    const asked = await send(mock, 'GET', '/pets?limit=2', undefined, headers)
    expect(((await json(asked)) as unknown[]).length).toBe(2)
  })

  it('answers the whole list when the document declares no default', async () => {
    const mock = await open(petsDocument())
    const answer = await send(mock, 'GET', '/pets', undefined, headers)
    expect(((await json(answer)) as unknown[]).length).toBe(mock.store.list('pets').length)
  })
})
