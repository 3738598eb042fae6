import { describe, expect, it } from 'vitest'
import { importDocument } from '../../src/node/load-openapi.ts'
import { shopDocument } from './shop-document.ts'

const int = (min: number, max: number) => ({
  faker: 'number.int',
  args: [{ min, max }],
  type: 'integer',
})
// The document's bounds, kept as constraints of the schema format
const bounded = (min: number, max: number) => ({ ...int(min, max), minimum: min, maximum: max })

describe('fauxrest import: an OpenAPI document as a fauxrest schema', () => {
  it('maps paths to resources and schemas to fields, keeping the document', async () => {
    const document = shopDocument()
    const imported = await importDocument(document, 'shop.json')
    expect(imported.schema).toEqual({
      seed: 1,
      resources: {
        customers: {
          count: 10,
          fields: {
            // allOf merged; readOnly fields are generated too (the server sets them)
            id: 'integer',
            createdAt: { faker: 'date.past', type: 'string', format: 'date-time' },
            email: { faker: 'internet.email', type: 'string', format: 'email' },
            firstName: { faker: 'person.firstName', type: 'string', optional: true },
            // a 3.1 type array with null; string lengths
            nickname: {
              faker: 'string.alpha',
              args: [{ length: { min: 3, max: 8 } }],
              type: 'string',
              minLength: 3,
              maxLength: 8,
              nullable: true,
              optional: true,
            },
            tier: { enum: ['gold', 'silver'], default: 'silver' },
            code: {
              faker: 'helpers.fromRegExp',
              args: ['[A-Z]{3}-[0-9]{4}'],
              type: 'string',
              pattern: '^[A-Z]{3}-\\d{4}$',
              optional: true,
            },
            age: { ...bounded(18, 30), optional: true },
            secret: { faker: 'lorem.word', type: 'string', optional: true },
            // oneOf: the first branch
            contact: {
              object: { phone: { faker: 'phone.number', type: 'string' } },
              optional: true,
            },
            // additionalProperties: a map with three keys
            labels: {
              object: {
                additionalProp1: bounded(0, 9),
                additionalProp2: bounded(0, 9),
                additionalProp3: bounded(0, 9),
              },
              optional: true,
            },
          },
        },
        orders: {
          count: 10,
          fields: {
            id: 'uuid',
            // the nested path /customers/{customerId}/orders is a relation
            customerId: { ref: 'customers' },
            total: {
              faker: 'number.float',
              args: [{ min: 0.01, max: 100, fractionDigits: 2 }],
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 100,
            },
          },
        },
      },
      openapi: { document },
    })
    expect(imported.warnings).toEqual([
      '#/paths/~1report.xml/get/responses/200/content: skipped: only non-JSON media types are declared (unsupported)',
      '#/paths/~1health/get/responses: skipped: no 2xx or default response is declared',
    ])
  })

  it('reads 3.0 nullable and boolean exclusive bounds, and names unresolved refs by pointer', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          post: {
            requestBody: {
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
            },
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Thing: {
            type: 'object',
            required: ['score'],
            properties: {
              score: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 5 },
              note: { type: 'string', nullable: true, example: 'hi' },
            },
          },
        },
      },
    }
    const imported = await importDocument(document, 'things.json')
    expect(imported.schema['resources']).toEqual({
      things: {
        count: 10,
        id: 'integer',
        fields: {
          // 3.0's boolean exclusiveMinimum becomes the bound itself
          score: { ...int(1, 5), exclusiveMinimum: 0, maximum: 5 },
          note: { value: 'hi', nullable: true, optional: true },
        },
      },
    })
    const broken = structuredClone(document)
    broken.paths['/things'].post.responses['200'].content['application/json'].schema.$ref =
      '#/components/schemas/Nope'
    await expect(importDocument(broken, 'things.json')).rejects.toThrow(
      'things.json: #/paths/~1things/post/responses/200/content/application~1json/schema: unresolved $ref "#/components/schemas/Nope"',
    )
  })

  it('refuses Swagger 1.2 and documents with nothing to serve, naming the pointer', async () => {
    await expect(
      importDocument({ swagger: '1.2', info: {}, paths: {} }, 'old.json'),
    ).rejects.toThrow(
      'old.json: #/swagger: Swagger 1.2 is not supported: only Swagger 2.0 and OpenAPI 3.0 and 3.1 are read',
    )
    await expect(
      importDocument({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }, 'two.json'),
    ).rejects.toThrow('two.json: #/paths: declares no operation to serve')
    const nothing = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { responses: { '404': { description: 'no' } } } } },
    }
    await expect(importDocument(nothing, 'x.json')).rejects.toThrow(
      'x.json: #/paths: no operation can be served',
    )
  })
})
