import { afterAll, describe, expect, it } from 'vitest'
import type { Mock } from '../../src/index.ts'
import type { JsonValue, Row } from '../../src/json.ts'
import { generate } from '../../src/generate/generate.ts'
import { json, memoryMock, send } from '../helpers.ts'
import { schemaOf } from '../schema/helpers.ts'

// Each keyword generates values that keep it and rejects a write that breaks it.
type KeywordCase = readonly [
  keyword: string,
  field: Record<string, unknown>,
  keeps: (value: JsonValue) => boolean,
  bad: JsonValue,
  message: string,
]

const chars = (value: JsonValue): number => [...String(value)].length
const num = (value: JsonValue): number => value as number

const KEYWORDS: readonly KeywordCase[] = [
  [
    'minLength',
    { faker: 'lorem.word', minLength: 12 },
    (v) => chars(v) >= 12,
    'short',
    'must be at least 12 characters long',
  ],
  [
    'maxLength',
    { faker: 'lorem.sentence', maxLength: 8 },
    (v) => chars(v) <= 8,
    'much too long',
    'must be at most 8 characters long',
  ],
  [
    'pattern',
    { faker: 'lorem.word', pattern: '^[A-Z]{3}-\\d{4}$' },
    (v) => /^[A-Z]{3}-\d{4}$/.test(String(v)),
    'abc-1234',
    'must match the pattern "^[A-Z]{3}-\\\\d{4}$"',
  ],
  [
    'format',
    { faker: 'lorem.word', format: 'email' },
    (v) => /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(String(v)),
    'not-an-email',
    'must be an email address (format "email")',
  ],
  [
    'minimum',
    { faker: 'number.int', args: [{ min: -50, max: 50 }], minimum: 10 },
    (v) => num(v) >= 10,
    9,
    'must be >= 10',
  ],
  ['maximum', { faker: 'number.int', maximum: 20 }, (v) => num(v) <= 20, 21, 'must be <= 20'],
  [
    'exclusiveMinimum',
    { faker: 'number.float', args: [{ min: -1, max: 1 }], exclusiveMinimum: 0 },
    (v) => num(v) > 0,
    0,
    'must be > 0',
  ],
  [
    'exclusiveMaximum',
    { faker: 'number.int', args: [{ min: 0, max: 10 }], exclusiveMaximum: 5 },
    (v) => num(v) < 5,
    5,
    'must be < 5',
  ],
  [
    'multipleOf',
    { faker: 'number.float', multipleOf: 0.25, minimum: 0, maximum: 10 },
    (v) => Number.isInteger(num(v) * 4),
    0.3,
    'must be a multiple of 0.25',
  ],
  [
    'minItems',
    { array: 'lorem.word', minItems: 3 },
    (v) => (v as JsonValue[]).length >= 3,
    ['a', 'b'],
    'must have at least 3 items',
  ],
  [
    'maxItems',
    { array: 'lorem.word', maxItems: 2 },
    (v) => (v as JsonValue[]).length <= 2,
    ['a', 'b', 'c'],
    'must have at most 2 items',
  ],
]

const mocks: Mock[] = []
afterAll(async () => {
  await Promise.all(mocks.map((mock) => mock.close()))
})

describe.each(KEYWORDS)('%s', (_, field, keeps, bad, message) => {
  const document = { resources: { things: { count: 200, fields: { x: field } } } }

  it('generates values that keep it', () => {
    const data = generate(schemaOf(document), { seed: 7 })
    const values = (data['things'] as Row[]).map((row) => row['x'] ?? null)
    expect(values.filter((value) => !keeps(value))).toEqual([])
    // The keyword shapes the data: not every value is the same.
    expect(new Set(values.map((value) => JSON.stringify(value))).size).toBeGreaterThan(1)
  })

  it('accepts a generated item and rejects a write that breaks it with 422', async () => {
    const mock = await memoryMock({ schema: document })
    mocks.push(mock)
    const item = mock.store.list('things')[0]
    const good = await send(mock, 'POST', '/things', { x: item?.['x'] })
    expect(good.status).toBe(201)
    const response = await send(mock, 'POST', '/things', { x: bad })
    expect({ status: response.status, body: await json(response) }).toEqual({
      status: 422,
      body: {
        error: 'Request had invalid or missing data.',
        details: [{ path: 'x', message }],
      },
    })
  })
})

describe('uniqueItems', () => {
  const document = {
    resources: {
      things: {
        count: 100,
        fields: { x: { array: { enum: [1, 2, 3, 4] }, minItems: 2, uniqueItems: true } },
      },
    },
  }

  it('generates arrays without repeats, within the enum’s reach', () => {
    const data = generate(schemaOf(document), { seed: 3 })
    for (const row of data['things'] as Row[]) {
      const items = row['x'] as number[]
      expect(new Set(items).size).toBe(items.length)
      expect(items.length).toBeGreaterThanOrEqual(2)
      expect(items.length).toBeLessThanOrEqual(4)
    }
  })

  it('rejects a write that repeats an item, naming both', async () => {
    const mock = await memoryMock({ schema: document })
    mocks.push(mock)
    const response = await send(mock, 'POST', '/things', { x: [1, 2, 1] })
    expect({ status: response.status, body: await json(response) }).toEqual({
      status: 422,
      body: {
        error: 'Request had invalid or missing data.',
        details: [{ path: 'x[2]', message: 'must be unique: 1 is already used by x[0]' }],
      },
    })
  })
})
