import { describe, expect, it } from 'vitest'
import { issuesOf, schemaOf, withFields } from './helpers.ts'

const at = (field: string, rest = ''): string => `resources.users.fields.${field}${rest}`

describe('constraint keywords', () => {
  it('keeps them on the parsed field', () => {
    const schema = schemaOf(
      withFields({
        code: { faker: 'lorem.word', minLength: 2, maxLength: 9, pattern: '^[a-z]+$' },
        age: { faker: 'number.int', minimum: 0, exclusiveMaximum: 130, multipleOf: 1 },
        tags: { array: 'lorem.word', minItems: 1, maxItems: 3, uniqueItems: true },
        plain: 'lorem.word',
      }),
    )
    const fields = schema.resources.get('users')?.fields
    expect(fields?.get('code')?.constraints).toEqual({
      minLength: 2,
      maxLength: 9,
      pattern: '^[a-z]+$',
    })
    expect(fields?.get('age')?.constraints).toEqual({
      minimum: 0,
      exclusiveMaximum: 130,
      multipleOf: 1,
    })
    expect(fields?.get('tags')).toMatchObject({
      min: 1,
      max: 3,
      constraints: { minItems: 1, maxItems: 3, uniqueItems: true },
    })
    expect(fields?.get('plain')).not.toHaveProperty('constraints')
  })

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    [
      'bad keyword values',
      {
        x: { faker: 'lorem.word', minLength: -1, maxLength: 1.5, pattern: 3, format: 'emial' },
        n: { faker: 'number.int', minimum: '1', exclusiveMinimum: true, multipleOf: 0 },
      },
      [
        { path: at('x', '.minLength'), message: 'must be an integer from 0 to 100000' },
        { path: at('x', '.maxLength'), message: 'must be a whole number >= 0' },
        { path: at('x', '.pattern'), message: 'must be a regular expression (a string)' },
        { path: at('x', '.format'), message: expect.stringContaining('(did you mean "email"?)') },
        { path: at('n', '.minimum'), message: 'must be a number' },
        {
          path: at('n', '.exclusiveMinimum'),
          message:
            'must be a number, the bound itself (write "exclusiveMinimum": 0 rather than "minimum": 0 with "exclusiveMinimum": true)',
        },
        { path: at('n', '.multipleOf'), message: 'must be a number > 0' },
      ],
    ],
    [
      'an invalid pattern',
      { x: { faker: 'lorem.word', pattern: '([a-z]' } },
      [
        {
          path: at('x', '.pattern'),
          message: expect.stringMatching(/^is not a valid regular expression \(/),
        },
      ],
    ],
    [
      'a pattern fromRegExp cannot make',
      { x: { faker: 'lorem.word', pattern: '^(red|blue)$' } },
      [
        {
          path: at('x', '.pattern'),
          message: expect.stringMatching(
            /^faker's helpers\.fromRegExp cannot make strings that match this pattern \(it made "\(red\|blue\)"\); .* "enum"$/,
          ),
        },
      ],
    ],
    [
      'a format at odds with the lengths',
      { x: { faker: 'lorem.word', format: 'uuid', maxLength: 10 } },
      [
        {
          path: at('x', '.format'),
          message: expect.stringMatching(
            /^no string made from the format keeps the field's other constraints \(".*" must be at most 10 characters long\)$/,
          ),
        },
      ],
    ],
    [
      'keywords for another type',
      {
        s: { faker: 'lorem.word', minimum: 1, format: 'int32' },
        n: { faker: 'number.int', maxLength: 3, pattern: 'x' },
        m: { faker: 'helpers.arrayElement', args: [[1, 'a']], minLength: 1 },
      },
      [
        {
          path: at('s', '.minimum'),
          message: 'applies to numbers, and this field is of type string',
        },
        {
          path: at('s', '.format'),
          message: 'applies to integers, and this field is of type string',
        },
        {
          path: at('n', '.maxLength'),
          message: 'applies to strings, and this field is of type integer',
        },
        {
          path: at('n', '.pattern'),
          message: 'applies to strings, and this field is of type integer',
        },
        {
          path: at('m', '.minLength'),
          message: 'applies to strings, and this field\'s type is not known (declare "type")',
        },
      ],
    ],
    [
      'bounds no value meets',
      {
        a: { faker: 'number.int', minimum: 5, maximum: 4 },
        b: { faker: 'number.int', exclusiveMinimum: 1, exclusiveMaximum: 2 },
        c: { faker: 'number.float', minimum: 1, exclusiveMaximum: 1 },
        d: { faker: 'number.int', minimum: 1, maximum: 4, multipleOf: 5 },
        e: { faker: 'number.int', multipleOf: 0.3001 },
        f: { faker: 'lorem.word', minLength: 5, maxLength: 4 },
      },
      [
        { path: at('a'), message: 'no integer satisfies minimum 5, maximum 4' },
        { path: at('b'), message: 'no integer satisfies exclusiveMinimum 1, exclusiveMaximum 2' },
        { path: at('c'), message: 'no number satisfies minimum 1, exclusiveMaximum 1' },
        { path: at('d'), message: 'no integer satisfies minimum 1, maximum 4, multipleOf 5' },
        { path: at('e'), message: 'no integer is a multiple of 0.3001' },
        { path: at('f', '.minLength'), message: 'must be <= maxLength (4)' },
      ],
    ],
    [
      'defaults, enum values and constants that break them',
      {
        a: { faker: 'lorem.word', maxLength: 3, default: 'toolong' },
        b: { enum: ['ok', 'far too long'], maxLength: 3 },
        c: { value: 7, minimum: 10 },
        d: { array: 'lorem.word', maxItems: 1, default: ['a', 'b'] },
      },
      [
        { path: at('a', '.default'), message: 'must be at most 3 characters long' },
        { path: at('b', '.enum[1]'), message: 'must be at most 3 characters long' },
        { path: at('c', '.value'), message: 'must be >= 10' },
        { path: at('d', '.default'), message: 'must have at most 1 item' },
      ],
    ],
    [
      'keywords on kinds that do not take them',
      {
        r: { ref: 'users', nullable: true, maxLength: 3 },
        a: { array: 'lorem.word', pattern: 'x' },
        o: { object: { y: 'lorem.word' }, minimum: 1 },
        w: { faker: 'lorem.word', minItems: 1 },
      },
      [
        {
          path: at('r', '.maxLength'),
          message: '"maxLength" is not allowed with "ref" (a ref holds its parent\'s id)',
        },
        {
          path: at('a', '.pattern'),
          message:
            '"pattern" is not allowed with "array"; put it on the items ("array": { ..., "pattern": ... })',
        },
        {
          path: at('o', '.minimum'),
          message: '"minimum" is not allowed with "object"; put it on the fields of the object',
        },
        { path: at('w', '.minItems'), message: '"minItems" is only allowed with "array"' },
      ],
    ],
    [
      'array bounds outside minItems and maxItems',
      {
        a: { array: 'lorem.word', min: 1, minItems: 2 },
        b: { array: 'lorem.word', max: 9, maxItems: 3 },
        c: { array: { enum: ['x', 'y'] }, minItems: 3, uniqueItems: true },
      },
      [
        { path: at('a', '.min'), message: 'must be >= minItems (2)' },
        { path: at('b', '.max'), message: 'must be <= maxItems (3)' },
        {
          path: at('c', '.uniqueItems'),
          message: 'cannot hold: arrays of at least 3 items from 2 distinct values',
        },
      ],
    ],
  ])('reports %s with their paths', (_, fields, expected) => {
    expect(issuesOf(withFields(fields))).toEqual(expected)
  })

  it('derives generated array lengths from minItems and maxItems', () => {
    const fields = schemaOf(
      withFields({
        a: { array: 'lorem.word', minItems: 7 },
        b: { array: 'lorem.word', maxItems: 2 },
        c: { array: { enum: [1, 2, 3] }, uniqueItems: true },
      }),
    ).resources.get('users')?.fields
    expect(['a', 'b', 'c'].map((name) => fields?.get(name))).toMatchObject([
      { min: 7, max: 7 },
      { min: 1, max: 2 },
      { min: 1, max: 3 },
    ])
  })
})
