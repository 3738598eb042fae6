import { describe, expect, it } from 'vitest'
import type { Row } from '../../src/json.ts'
import { generate } from '../../src/generate/generate.ts'
import { FORMATS, type Format } from '../../src/schema/types.ts'
import { matchesFormat } from '../../src/validate/format-check.ts'
import { schemaOf } from '../schema/helpers.ts'

const CASES: Readonly<Record<Format, { good: (string | number)[]; bad: (string | number)[] }>> = {
  'date-time': {
    good: ['2025-01-31T09:30:00Z', '2024-02-29T23:59:60.5+01:00', '2025-01-31t09:30:00z'],
    bad: ['2025-01-31', '2025-02-30T09:30:00Z', '2025-01-31 09:30:00Z', '2025-01-31T09:30:00'],
  },
  date: { good: ['2025-01-31', '2024-02-29'], bad: ['2025-02-29', '2025-1-31', '2025-13-01', ''] },
  time: { good: ['09:30:00Z', '23:59:59.999-05:30'], bad: ['09:30:00', '24:00:00Z', '9:30:00Z'] },
  email: {
    good: ['a@b.co', 'first.last+tag@example.org'],
    bad: ['a@b', '@b.co', 'a b@c.de', 'a@@b.co'],
  },
  hostname: { good: ['example.com', 'a-b.c'], bad: ['-a.com', 'a..b', 'a_b.com', ''] },
  ipv4: { good: ['127.0.0.1', '255.255.255.255'], bad: ['256.0.0.1', '1.2.3', '01.2.3.4'] },
  ipv6: {
    good: ['::1', '2001:db8::ff00:42:8329', '::ffff:192.0.2.1'],
    bad: ['1::2::3', ':::', '::1]/x'],
  },
  uri: {
    good: ['https://example.com/a?b#c', 'mailto:a@b.co', 'urn:isbn:0451450523'],
    bad: ['/relative', 'no scheme', 'ht tp://x'],
  },
  uuid: {
    good: ['123e4567-e89b-12d3-a456-426614174000'],
    bad: ['123e4567e89b12d3a456426614174000', 'x'],
  },
  byte: { good: ['', 'YWJj', 'YWI=', 'YQ=='], bad: ['YWJ', 'a===', 'ab c'] },
  password: { good: ['anything'], bad: [] },
  int32: { good: [0, -(2 ** 31), 2 ** 31 - 1], bad: [2 ** 31, 1.5] },
  int64: { good: [0, Number.MAX_SAFE_INTEGER], bad: [2 ** 64, 0.5] },
  float: { good: [1.5], bad: [] },
  double: { good: [1.5], bad: [] },
}

describe('matchesFormat', () => {
  it.each(FORMATS)('%s accepts good values and refuses bad ones', (format) => {
    const { good, bad } = CASES[format]
    expect(good.filter((value) => !matchesFormat(format, value))).toEqual([])
    expect(bad.filter((value) => matchesFormat(format, value))).toEqual([])
  })
})

const STRING_FORMATS = FORMATS.filter((format) => typeof CASES[format].good[0] === 'string')

describe('format fields', () => {
  it.each(STRING_FORMATS)('%s: a lorem word field generates only %s values', (format) => {
    const field = { faker: 'lorem.word', format }
    const data = generate(schemaOf({ resources: { a: { count: 50, fields: { x: field } } } }), {
      seed: 1,
    })
    const values = (data['a'] as Row[]).map((row) => row['x'] as string)
    expect(values.filter((value) => !matchesFormat(format, value))).toEqual([])
  })

  it('int32 keeps a number.int field within 32 bits', () => {
    const field = { faker: 'number.int', format: 'int32' }
    const data = generate(schemaOf({ resources: { a: { count: 50, fields: { x: field } } } }), {
      seed: 1,
    })
    const values = (data['a'] as Row[]).map((row) => row['x'] as number)
    expect(values.filter((value) => !Number.isInteger(value) || Math.abs(value) > 2 ** 31)).toEqual(
      [],
    )
  })
})
