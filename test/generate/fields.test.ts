import { describe, expect, it } from 'vitest'
import { UserError } from '../../src/errors.ts'
import { generate } from '../../src/generate/generate.ts'
import type { FieldSpec } from '../../src/schema/types.ts'
import type { JsonValue, Row } from '../../src/json.ts'
import { arrayOf, constant, fk, object, oneOf, ref, resource, schemaOf, template } from './specs.ts'

// Seed 1, 400 items: 106 absent, 106 null; both modifiers: 107 absent, then 73 of 293 null.
const COUNTS = { optionalAbsent: 106, nullableNull: 106, both: [107, 73] }

/** Generates `count` items of one resource whose only field is `spec`, and returns that field. */
function values(spec: FieldSpec, count = 400, seed = 1): (JsonValue | undefined)[] {
  const data = generate(schemaOf(resource('items', { f: spec }, { count })), { seed })
  return (data['items'] as Row[]).map((row) => row['f'])
}

function tally<T>(list: readonly T[], predicate: (value: T) => boolean): number {
  return list.filter(predicate).length
}

describe('field kinds', () => {
  it('calls faker with args, converting dates to ISO strings', () => {
    expect(
      values(fk('number.int', [{ min: 5, max: 7 }])).every((v) => v === 5 || v === 6 || v === 7),
    ).toBe(true)
    expect(
      values(fk('date.past'), 3).every(
        (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
      ),
    ).toBe(true)
  })

  it('fills templates, stringifying each call', () => {
    const spec = template(['#', { path: 'number.int', args: [{ min: 1, max: 9 }] }, ' of 9'])
    expect(values(spec).every((v) => typeof v === 'string' && /^#[1-9] of 9$/.test(v))).toBe(true)
  })

  it('picks enum values, copying objects so no two items share one', () => {
    const picked = values(oneOf(['a', { deep: [1] }]))
    expect(new Set(picked.map((v) => JSON.stringify(v)))).toEqual(new Set(['"a"', '{"deep":[1]}']))
    const objects = picked.filter((v) => typeof v === 'object')
    expect(objects[0]).not.toBe(objects[1])
  })

  it('copies constant values for every item', () => {
    const [first, second] = values(constant({ tags: ['x'] }), 2)
    expect(first).toEqual({ tags: ['x'] })
    expect(first).not.toBe(second)
  })

  it('builds arrays with a length in [min, max]', () => {
    const lengths = values(arrayOf(fk('lorem.word'), 1, 3)).map((v) =>
      Array.isArray(v) ? v.length : -1,
    )
    expect(new Set(lengths)).toEqual(new Set([1, 2, 3]))
  })

  it('builds nested objects in declaration order, leaving out absent keys', () => {
    const spec = object({
      z: constant(1),
      a: object({ y: constant(true), b: constant(null) }),
      gone: constant('x', { optional: true }),
    })
    const keys = values(spec).map((v) => JSON.stringify(v))
    expect(new Set(keys)).toEqual(
      new Set(['{"z":1,"a":{"y":true,"b":null}}', '{"z":1,"a":{"y":true,"b":null},"gone":"x"}']),
    )
  })

  it('keeps a "__proto__" key as data, never as the prototype', () => {
    const [value] = values(object({ ['__proto__']: constant({ polluted: true }) }), 1)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true}}')
  })
})

function exhaust(): unknown {
  return values(fk('number.int', [{ min: 1, max: 50 }], { unique: true }), 60)
}

describe('modifiers', () => {
  it('leaves optional fields absent about one time in four', () => {
    const list = values(fk('lorem.word', [], { optional: true }))
    expect(tally(list, (v) => v === undefined)).toBe(COUNTS.optionalAbsent)
  })

  it('makes nullable fields null about one time in four', () => {
    const list = values(fk('lorem.word', [], { nullable: true }))
    expect(tally(list, (v) => v === null)).toBe(COUNTS.nullableNull)
  })

  it('combines optional and nullable', () => {
    const list = values(fk('lorem.word', [], { optional: true, nullable: true }))
    expect([tally(list, (v) => v === undefined), tally(list, (v) => v === null)]).toEqual(
      COUNTS.both,
    )
  })

  it('makes unique fields unique, by JSON value', () => {
    const list = values(fk('number.int', [{ min: 1, max: 450 }], { unique: true }))
    expect(new Set(list).size).toBe(400)
    const pairs = values(arrayOf(fk('number.int', [{ min: 0, max: 1 }]), 2, 2, { unique: true }), 4)
    expect(new Set(pairs.map((v) => JSON.stringify(v))).size).toBe(4)
  })

  it('scopes unique array elements to their own array', () => {
    const list = values(arrayOf(fk('number.int', [{ min: 1, max: 3 }], { unique: true }), 3, 3), 20)
    expect(list.every((v) => Array.isArray(v) && new Set(v).size === 3)).toBe(true)
  })

  it('names the field and the number of values needed when unique values run out', () => {
    expect(exhaust).toThrow(UserError)
    expect(exhaust).toThrow(
      /^Cannot generate items\.f: 60 unique values are needed, but after 50 of them 100 attempts/,
    )
  })

  it.each([
    [fk('number.int', [{ min: 10, max: 10 }], { typeDeclared: true, valueType: 'string' }), '10'],
    [constant('3.5', { typeDeclared: true, valueType: 'number' }), 3.5],
    [constant(2.6, { typeDeclared: true, valueType: 'integer' }), 3],
    [constant('true', { typeDeclared: true, valueType: 'boolean' }), true],
    [constant(7, { typeDeclared: false, valueType: 'string' }), 7],
  ])('converts to the declared type (%#)', (spec, expected) => {
    expect(values(spec, 1)).toEqual([expected])
  })

  it('fails clearly when a value cannot be converted', () => {
    const spec = constant('abc', { typeDeclared: true, valueType: 'number' })
    expect(() => values(spec, 1)).toThrow(
      'Cannot generate items.f: the value "abc" cannot be converted to number.',
    )
  })
})

function refs(parents: number, children: number, spec: FieldSpec = ref('parents')): unknown[] {
  const schema = schemaOf(
    resource('parents', {}, { count: parents }),
    resource('children', { parentId: spec }, { count: children }),
  )
  return (generate(schema, { seed: 1 })['children'] as Row[]).map((row) => row['parentId'])
}

describe('refs', () => {
  it.each([
    [2, 6, [1, 1, 1, 2, 2, 2]],
    [3, 7, [1, 1, 1, 2, 2, 3, 3]],
    [4, 2, [1, 3]],
    [1, 3, [1, 1, 1]],
  ])('spreads children evenly in contiguous blocks (%i parents, %i children)', (p, c, expected) => {
    expect(refs(p, c)).toEqual(expected)
  })

  it('is null when nullable, absent when optional, and an error otherwise, without parents', () => {
    expect(refs(0, 2, ref('parents', { nullable: true }))).toEqual([null, null])
    expect(refs(0, 2, ref('parents', { optional: true }))).toEqual([undefined, undefined])
    expect(() => refs(0, 2)).toThrow(
      'Cannot generate children.parentId: it refers to "parents", which has no items.',
    )
  })

  it('treats self-references as having no parent', () => {
    const schema = schemaOf(
      resource('nodes', { parentId: ref('nodes', { nullable: true }) }, { count: 2 }),
    )
    expect(generate(schema, { seed: 1 })).toEqual({
      nodes: [
        { id: 1, parentId: null },
        { id: 2, parentId: null },
      ],
    })
    const required = schemaOf(resource('nodes', { parentId: ref('nodes') }, { count: 2 }))
    expect(() => generate(required, { seed: 1 })).toThrow(
      'nodes.parentId: it refers to its own resource',
    )
  })

  it('handles refs between resources declared in any order', () => {
    const schema = schemaOf(
      resource('children', { parentId: ref('parents') }, { count: 2 }),
      resource('parents', {}, { count: 2 }),
    )
    expect(generate(schema, { seed: 1 })['children']).toEqual([
      { id: 1, parentId: 1 },
      { id: 2, parentId: 2 },
    ])
  })
})
