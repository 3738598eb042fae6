import { afterEach, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/mock.ts'
import { json, memoryMock, send } from '../helpers.ts'

/** A Swagger 2.0 document in its own idiom: definitions, body and path parameters, produces. */
const SWAGGER = {
  swagger: '2.0',
  info: { title: 'Old pets', version: '1' },
  host: 'pets.example.com',
  basePath: '/',
  schemes: ['https'],
  produces: ['application/json'],
  consumes: ['application/json'],
  securityDefinitions: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  paths: {
    '/pets': {
      get: {
        parameters: [{ name: 'limit', in: 'query', type: 'integer', default: 3, minimum: 1 }],
        responses: {
          '200': {
            description: 'pets',
            schema: { type: 'array', items: { $ref: '#/definitions/Pet' } },
          },
        },
      },
      post: {
        security: [{ key: [] }],
        parameters: [
          { name: 'pet', in: 'body', required: true, schema: { $ref: '#/definitions/Pet' } },
        ],
        responses: {
          '201': { description: 'made', schema: { $ref: '#/definitions/Pet' } },
          '400': { description: 'bad' },
        },
      },
    },
    '/pets/{petId}': {
      get: {
        parameters: [{ name: 'petId', in: 'path', required: true, type: 'integer' }],
        responses: { '200': { description: 'pet', schema: { $ref: '#/definitions/Pet' } } },
      },
    },
  },
  definitions: {
    Pet: {
      type: 'object',
      required: ['name'],
      properties: {
        id: { type: 'integer', readOnly: true },
        name: { type: 'string', minLength: 2 },
        tag: { type: 'string', enum: ['dog', 'cat'] },
      },
    },
  },
}

const opened: Mock[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((mock) => mock.close()))
})

describe('a Swagger 2.0 document', () => {
  it('is served as its OpenAPI 3.0 conversion: lists, reads, creates, validates and checks keys', async () => {
    const mock = await memoryMock({ schema: SWAGGER })
    opened.push(mock)
    const list = await send(mock, 'GET', '/pets')
    expect(list.status).toBe(200)
    expect(list.headers.get('x-total-count')).toBe('10')
    expect((await json(list)) as unknown[]).toHaveLength(3)
    const read = await send(mock, 'GET', '/pets/2')
    expect(((await json(read)) as { id: number }).id).toBe(2)
    expect((await send(mock, 'GET', '/pets/abc')).status).toBe(400)
    const key = { 'X-Key': 'k' }
    expect((await send(mock, 'POST', '/pets', { name: 'Rex' })).status).toBe(401)
    const bad = await send(mock, 'POST', '/pets', { name: 'R', tag: 'cow' }, key)
    expect(bad.status).toBe(400)
    const made = await send(mock, 'POST', '/pets', { name: 'Rex', tag: 'dog' }, key)
    expect(made.status).toBe(201)
    expect(await json(made)).toEqual({ name: 'Rex', tag: 'dog', id: 11 })
    const document = (await json(await send(mock, 'GET', '/openapi.json'))) as {
      openapi: string
      components: { schemas: object }
    }
    expect(document.openapi).toMatch(/^3\.0\./)
    expect(Object.keys(document.components.schemas)).toEqual(['Pet'])
  })
})
