import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fakerPaths } from '../../src/generate/faker-catalog.ts'
import {
  FIELD_KINDS,
  FIELD_SPEC_KEYS,
  KIND_MODIFIERS,
  RESOURCE_KEYS,
  TOP_LEVEL_KEYS,
} from '../../src/schema/keys.ts'
import { RESERVED_NAMES, RESOURCE_NAME_PATTERN } from '../../src/schema/resource-name.ts'
import { FORMATS, ID_STRATEGIES, JSON_TYPES, ON_DELETE } from '../../src/schema/types.ts'
import { catalog, issuesOf } from './helpers.ts'
import { isValid } from './json-schema-subset.ts'

const ROOT = join(import.meta.dirname, '..', '..')
type Node = Record<string, unknown>
const jsonSchema = JSON.parse(
  await readFile(join(ROOT, 'schema', 'fauxrest.schema.json'), 'utf8'),
) as Node
const defs = jsonSchema['$defs'] as Record<string, Node>
const keysOf = (node: unknown): string[] => Object.keys((node as Node)['properties'] as Node)
const sorted = (list: readonly string[]): string[] => [...list].toSorted()

describe('schema/fauxrest.schema.json', () => {
  it('is a draft 2020-12 JSON Schema with an id', () => {
    expect(jsonSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(jsonSchema['$id']).toBe('https://unpkg.com/fauxrest/schema/fauxrest.schema.json')
  })

  it('names exactly the keys the parser accepts at each level', () => {
    expect(sorted(keysOf(jsonSchema))).toEqual(sorted(TOP_LEVEL_KEYS))
    expect(sorted(keysOf(defs['resource']))).toEqual(sorted(RESOURCE_KEYS))
    expect(sorted(keysOf(defs['fieldSpec']))).toEqual(sorted(FIELD_SPEC_KEYS))
  })

  it('has the parser’s kinds, kind-only modifiers and enums', () => {
    const oneOf = defs['fieldSpec']?.['oneOf'] as { required: string[] }[]
    expect(oneOf.map((branch) => branch.required[0])).toEqual([...FIELD_KINDS])
    expect(defs['fieldSpec']?.['dependentRequired']).toEqual(
      Object.fromEntries(Object.entries(KIND_MODIFIERS).map(([key, kind]) => [key, [kind]])),
    )
    const spec = defs['fieldSpec']?.['properties'] as Record<string, Node>
    expect(spec['type']?.['enum']).toEqual([...JSON_TYPES])
    expect(spec['onDelete']?.['enum']).toEqual([...ON_DELETE])
    expect(defs['idStrategy']?.['enum']).toEqual([...ID_STRATEGIES])
    expect(spec['format']?.['enum']).toEqual([...FORMATS])
  })

  it('restricts resource names as the parser does', () => {
    const resources = (jsonSchema['properties'] as Record<string, Node>)['resources']
    const names = resources?.['propertyNames'] as { pattern: string; not: { enum: string[] } }
    expect(names.pattern).toBe(RESOURCE_NAME_PATTERN.source)
    expect(names.not.enum).toEqual(expect.arrayContaining([...RESERVED_NAMES]))
  })

  it('offers only faker paths the catalog accepts, and all of them', () => {
    const fakerPath = defs['fakerPath']?.['anyOf'] as { enum?: string[] }[]
    const offered = fakerPath[0]?.enum ?? []
    expect(offered.filter((path) => !catalog.has(path))).toEqual([])
    expect(offered).toEqual(fakerPaths())
  })

  const documents: [string, unknown][] = [
    [
      'the product example',
      {
        seed: 1,
        resources: {
          users: {
            count: 10,
            fields: {
              name: 'person.fullName',
              email: { faker: 'internet.email', unique: true },
              age: { faker: 'number.int', args: [{ min: 18, max: 90 }] },
              role: { enum: ['admin', 'editor', 'viewer'] },
              address: { city: 'location.city', geo: { lat: 'location.latitude' } },
              tags: { array: 'lorem.word', min: 0, max: 4 },
              greeting: 'Hello {{person.firstName}}!',
            },
          },
          posts: { fields: { userId: { ref: 'users' }, id: 'integer', title: 'lorem.sentence' } },
          profile: { singular: true, fields: { name: 'person.fullName', id: 'string.uuid' } },
        },
      },
    ],
    [
      'an object kind',
      { resources: { a: { fields: { p: { object: { value: 'lorem.word' } } } } } },
    ],
    ['no resources', { resources: {} }],
    ['an unknown top-level key', { resources: { a: {} }, extra: 1 }],
    ['a reserved resource name', { resources: { docs: {} } }],
    ['an underscore resource name', { resources: { _x: {} } }],
    ['count on a singular resource', { resources: { a: { singular: true, count: 1 } } }],
    ['a negative count', { resources: { a: { count: -1 } } }],
    ['a bad id strategy', { resources: { a: { id: 'serial' } } }],
    ['two kinds', { resources: { a: { fields: { x: { faker: 'lorem.word', value: 1 } } } } }],
    [
      'an unknown spec key',
      { resources: { a: { fields: { x: { faker: 'lorem.word', optinal: true } } } } },
    ],
    ['args without faker', { resources: { a: { fields: { x: { enum: [1], args: [] } } } } }],
    ['a plain word', { resources: { a: { fields: { x: 'John' } } } }],
    ['a number field', { resources: { a: { fields: { x: 3 } } } }],
    ['an empty enum', { resources: { a: { fields: { x: { enum: [] } } } } }],
    [
      'array max too big',
      { resources: { a: { fields: { x: { array: 'lorem.word', max: 1001 } } } } },
    ],
    ['a bad type', { resources: { a: { fields: { x: { faker: 'lorem.word', type: 'text' } } } } }],
    ['a dotted field name', { resources: { a: { fields: { 'x.y': 'lorem.word' } } } }],
    ['modifiers without a kind', { resources: { a: { fields: { x: { unique: true } } } } }],
    [
      'constraints',
      {
        resources: {
          a: {
            fields: {
              s: { faker: 'lorem.word', minLength: 1, maxLength: 9, pattern: '^[a-z]+$' },
              n: { faker: 'number.int', minimum: 0, exclusiveMaximum: 9, multipleOf: 3 },
              e: { faker: 'internet.email', format: 'email' },
              t: { array: 'lorem.word', minItems: 1, maxItems: 3, uniqueItems: true },
            },
          },
        },
      },
    ],
    [
      'a negative minLength',
      { resources: { a: { fields: { x: { faker: 'lorem.word', minLength: -1 } } } } },
    ],
    [
      'an unknown format',
      { resources: { a: { fields: { x: { faker: 'lorem.word', format: 'mail' } } } } },
    ],
    [
      'minItems without array',
      { resources: { a: { fields: { x: { faker: 'lorem.word', minItems: 1 } } } } },
    ],
    [
      'a string constraint on a ref',
      { resources: { a: { fields: { x: { ref: 'a', nullable: true, maxLength: 1 } } } } },
    ],
  ]

  it.each(documents)('agrees with the parser on %s', (_, document) => {
    expect(isValid(jsonSchema, document)).toBe(issuesOf(document).length === 0)
  })
})
