import { Faker, base, en } from '@faker-js/faker'
import { describe, expect, it } from 'vitest'
import { createFakerCatalog, fakerMethod, toJsonValue } from '../../src/generate/faker-catalog.ts'

const catalog = createFakerCatalog()

describe('createFakerCatalog().has', () => {
  it.each([
    ['person.fullName', true],
    ['internet.email', true],
    ['number.int', true],
    ['date.past', true],
    ['helpers.arrayElement', true],
    ['word.sample', true],
    ['location.latitude', true],
    ['internet.emial', false],
    ['person.fullname', false],
    ['name.firstName', false],
    ['internet.userName', false],
    ['person', false],
    ['person.fullName.length', false],
    ['person.constructor', false],
    ['person.faker', false],
    ['person._private', false],
    ['fakerCore.locale', false],
    ['rawDefinitions.person', false],
    ['definitions.person', false],
    ['seed.call', false],
    ['constructor.name', false],
    ['__proto__.toString', false],
    ['person.toString', false],
    ['person.hasOwnProperty', false],
    ['', false],
  ])('%s -> %s', (path, expected) => {
    expect(catalog.has(path)).toBe(expected)
  })
})

describe('createFakerCatalog().suggest', () => {
  it.each([
    ['internet.emial', 'internet.email'],
    ['person.fullname', 'person.fullName'],
    ['name.firstName', 'person.firstName'],
    ['name.jobTitle', 'person.jobTitle'],
    ['internet.userName', 'internet.username'],
    ['interent.email', 'internet.email'],
    ['lorem.paragrahps', 'lorem.paragraphs'],
    ['email', 'internet.email'],
    ['qqqqq.zzzzzz', undefined],
    ['xyz', undefined],
  ])('%s -> %s', (path, expected) => {
    expect(catalog.suggest(path)).toBe(expected)
  })
})

describe('createFakerCatalog().sampleType', () => {
  it.each([
    [{ path: 'person.fullName', args: [] }, 'string'],
    [{ path: 'number.int', args: [] }, 'integer'],
    [{ path: 'number.int', args: [{ min: 1, max: 9 }] }, 'integer'],
    [{ path: 'number.float', args: [] }, 'number'],
    [{ path: 'datatype.boolean', args: [] }, 'boolean'],
    [{ path: 'date.past', args: [] }, 'string'],
    [{ path: 'number.bigInt', args: [] }, 'integer'],
    [{ path: 'location.nearbyGPSCoordinate', args: [] }, 'array'],
    [{ path: 'helpers.arrayElement', args: [[1, 2.5]] }, 'number'],
    [{ path: 'helpers.arrayElement', args: [['a', 'b']] }, 'string'],
    [{ path: 'helpers.arrayElement', args: [[1, 'a', true, null]] }, undefined],
    [{ path: 'helpers.objectEntry', args: [{ a: 1 }] }, 'array'],
  ])('%j -> %s', (call, expected) => {
    expect(catalog.sampleType(call)).toBe(expected)
  })

  it('says the args are rejected, with faker’s own message', () => {
    expect(catalog.sampleType({ path: 'number.int', args: [{ min: 9, max: 1 }] })).toEqual({
      error: 'faker rejects the args for "number.int": Max 1 should be greater than min 9.',
    })
  })

  it('reports a method that needs a function argument', () => {
    const result = catalog.sampleType({ path: 'helpers.maybe', args: [] })
    expect(result).toEqual({
      error: expect.stringMatching(/^"helpers.maybe" fails without args: /),
    })
  })

  it('says the args are rejected when faker cannot use them', () => {
    expect(catalog.sampleType({ path: 'helpers.arrayElement', args: [[]] })).toEqual({
      error:
        'faker rejects the args for "helpers.arrayElement": Cannot get value from empty dataset.',
    })
  })

  it('reports an unknown path', () => {
    expect(catalog.sampleType({ path: 'name.firstName', args: [] })).toEqual({
      error: 'unknown faker method "name.firstName"',
    })
  })

  it('does not let one call mutate the args of the next', () => {
    const args = [[1, 2, 3, 4, 5, 6]]
    catalog.sampleType({ path: 'helpers.shuffle', args: [args[0] ?? [], { inplace: true }] })
    expect(args).toEqual([[1, 2, 3, 4, 5, 6]])
  })
})

describe('fakerMethod', () => {
  const faker = new Faker({ locale: [en, base], seed: 7 })

  it('returns the method bound to its module', () => {
    const method = fakerMethod(faker, 'number.int')
    expect(method).toBeTypeOf('function')
    const value = method?.({ min: 3, max: 3 })
    expect(value).toBe(3)
  })

  it('gives the same values as calling faker directly with the same seed', () => {
    const other = new Faker({ locale: [en, base], seed: 11 })
    faker.seed(11)
    expect(fakerMethod(faker, 'person.fullName')?.()).toBe(other.person.fullName())
  })

  it.each([
    'person.constructor',
    'person.faker',
    'fakerCore.randomizer',
    'seed',
    'person.fullName.call',
  ])('refuses %s', (path) => {
    expect(fakerMethod(faker, path)).toBeUndefined()
  })
})

function named(): void {}

describe('toJsonValue', () => {
  const symbol = Symbol('s')
  it.each<[string, unknown, unknown]>([
    ['string', 'a', 'a'],
    ['integer', 3, 3],
    ['NaN', Number.NaN, null],
    ['Infinity', Infinity, null],
    ['boolean', false, false],
    ['null', null, null],
    ['undefined', undefined, null],
    ['date', new Date('2024-05-06T07:08:09.010Z'), '2024-05-06T07:08:09.010Z'],
    ['invalid date', new Date('nope'), null],
    ['safe bigint', 42n, 42],
    ['huge bigint', 2n ** 70n, '1180591620717411303424'],
    ['function', named, 'function named() {}'],
    ['symbol', symbol, 'Symbol(s)'],
    ['map', new Map([[1, 2]]), '[object Map]'],
    [
      'nested',
      { a: [new Date(0), 1n, undefined], b: { c: 'd' } },
      { a: ['1970-01-01T00:00:00.000Z', 1, null], b: { c: 'd' } },
    ],
  ])('%s', (_, input, expected) => {
    expect(toJsonValue(input)).toEqual(expected)
  })

  it('keeps a __proto__ key as data without touching the prototype', () => {
    const input: unknown = JSON.parse('{"__proto__":{"polluted":1}}')
    const output = toJsonValue(input)
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype)
    expect(Object.keys(output as object)).toEqual(['__proto__'])
  })
})
