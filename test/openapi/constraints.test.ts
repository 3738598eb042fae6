import { validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../src/json.ts'
import { buildOpenApi } from '../../src/openapi/build-openapi.ts'
import { buildTypes } from '../../src/typegen/build-types.ts'
import { firstItems, schemaOf } from './load-fixture.ts'

const schema = schemaOf({
  resources: {
    things: {
      fields: {
        code: { faker: 'lorem.word', pattern: '^[A-Z]{3}$', maxLength: 3 },
        score: {
          faker: 'number.float',
          exclusiveMinimum: 0,
          maximum: 5,
          multipleOf: 0.5,
          nullable: true,
        },
        site: { faker: 'lorem.word', format: 'uri' },
        mail: { faker: 'internet.email', format: 'email', minLength: 6 },
        tags: {
          array: { faker: 'lorem.word', maxLength: 5 },
          minItems: 1,
          maxItems: 3,
          uniqueItems: true,
        },
      },
    },
  },
})

describe('constraints in the OpenAPI document', () => {
  const document = buildOpenApi(schema, {
    examples: firstItems(schema),
    serverUrl: 'http://127.0.0.1:3000',
  })
  const components = (document['components'] as JsonObject)['schemas'] as Record<string, JsonObject>

  it('are the item schema’s JSON Schema keywords', () => {
    expect(components['Thing']?.['properties']).toEqual({
      id: { type: 'integer', description: 'The item id.' },
      code: { type: 'string', pattern: '^[A-Z]{3}$', maxLength: 3 },
      score: { type: ['number', 'null'], exclusiveMinimum: 0, maximum: 5, multipleOf: 0.5 },
      site: { type: 'string', format: 'uri' },
      mail: { type: 'string', format: 'email', minLength: 6 },
      tags: {
        type: 'array',
        items: { type: 'string', maxLength: 5 },
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
      },
    })
  })

  it('leave a valid OpenAPI 3.1 document', async () => {
    expect(await validate(structuredClone(document) as never)).toMatchObject({
      valid: true,
      warnings: [],
    })
  })
})

describe('constraints in the generated types', () => {
  it('are JSDoc tags on the members', () => {
    const types = buildTypes(schema)
    const item = types.slice(types.indexOf('export interface Thing {'), types.indexOf('}\n') + 1)
    expect(item).toBe(
      [
        'export interface Thing {',
        '  id: number',
        '  /**',
        '   * @pattern ^[A-Z]{3}$',
        '   * @maxLength 3',
        '   */',
        '  code: string',
        '  /**',
        '   * @exclusiveMinimum 0',
        '   * @maximum 5',
        '   * @multipleOf 0.5',
        '   */',
        '  score: number | null',
        '  /** @format uri */',
        '  site: string',
        '  /**',
        '   * @format email',
        '   * @minLength 6',
        '   */',
        '  mail: string',
        '  /**',
        '   * @minItems 1',
        '   * @maxItems 3',
        '   * @uniqueItems',
        '   * @items.maxLength 5',
        '   */',
        '  tags: string[]',
        '}',
      ].join('\n'),
    )
  })
})
