import { describe, expect, it } from 'vitest'
import type { JsonObject } from '../../src/json.ts'
import { validateWrite } from '../../src/validate/validate-write.ts'
import { VALID_USER, context, resource, thrown } from './fixture.ts'

const users = resource('users')
const INVALID = 'Request had invalid or missing data.'

/** VALID_USER with some fields replaced; `undefined` removes a field. */
function userWith(changes: Record<string, unknown>): JsonObject {
  const body: Record<string, unknown> = { ...VALID_USER, ...changes }
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete body[key]
  return body as JsonObject
}

describe('validateWrite: one wrong input at a time, on create', () => {
  it.each([
    // strings: faker, template, constant
    ['string gets a number', { name: 5 }, 'name', 'must be a string, not a number'],
    ['string gets a boolean', { name: true }, 'name', 'must be a string, not a boolean'],
    ['string gets an object', { name: { first: 'A' } }, 'name', 'must be a string, not an object'],
    ['string gets an array', { name: ['A'] }, 'name', 'must be a string, not an array'],
    ['string gets null', { name: null }, 'name', 'must be a string, not null'],
    ['template gets a number', { greeting: 1 }, 'greeting', 'must be a string, not a number'],
    ['constant gets another type', { kind: 5 }, 'kind', 'must be a string, not a number'],
    // numbers
    ['integer gets a fraction', { age: 1.5 }, 'age', 'must be an integer, not 1.5'],
    ['integer gets a string', { age: '30' }, 'age', 'must be an integer, not a string'],
    ['integer gets null', { age: null }, 'age', 'must be an integer, not null'],
    ['number gets a boolean', { score: true }, 'score', 'must be a number, not a boolean'],
    ['number gets a string', { score: '0.5' }, 'score', 'must be a number, not a string'],
    // booleans
    ['boolean gets a string', { active: 'yes' }, 'active', 'must be a boolean, not a string'],
    ['boolean gets a number', { active: 1 }, 'active', 'must be a boolean, not a number'],
    // enums
    ['enum gets another value', { plan: 'gold' }, 'plan', 'must be one of "free", "pro"'],
    [
      'enum gets a near miss',
      { plan: 'Pro ' },
      'plan',
      'must be one of "free", "pro" (did you mean "pro"?)',
    ],
    ['enum gets null', { plan: null }, 'plan', 'must be a string, not null'],
    [
      'enum of numbers inside an array of objects',
      { badges: [{ label: 'x', level: 4 }] },
      'badges[0].level',
      'must be one of 1, 2, 3',
    ],
    // nested objects
    [
      'deep nested type',
      { address: { city: 'Paris', geo: { lat: '48.85', lng: 2.35 } } },
      'address.geo.lat',
      'must be a number, not a string',
    ],
    ['nested object missing a field', { address: { city: 'Paris' } }, 'address.geo', 'is required'],
    [
      'nested unknown field',
      { address: { city: 'Paris', geo: { lat: 1, lng: 2 }, zip: '75001' } },
      'address.zip',
      'unknown field "zip"',
    ],
    [
      'nested object gets a string',
      { address: 'Paris' },
      'address',
      'must be an object, not a string',
    ],
    ['nested object gets an array', { address: [] }, 'address', 'must be an object, not an array'],
    ['nested object gets null', { address: null }, 'address', 'must be an object, not null'],
    // arrays
    [
      'array element of the wrong type',
      { tags: ['a', 'b', 3] },
      'tags[2]',
      'must be a string, not a number',
    ],
    ['array element null', { tags: [null] }, 'tags[0]', 'must be a string, not null'],
    ['array gets a string', { tags: 'a,b' }, 'tags', 'must be an array, not a string'],
    ['array gets an object', { tags: { 0: 'a' } }, 'tags', 'must be an array, not an object'],
    [
      'array object missing a field',
      { badges: [{ label: 'x', level: 1 }, { level: 2 }] },
      'badges[1].label',
      'is required',
    ],
    [
      'unique inside an array',
      { codes: ['a', 'b', 'a'] },
      'codes[2]',
      'must be unique: "a" is already used by codes[0]',
    ],
    // refs
    ['ref to a missing parent', { managerId: 99 }, 'managerId', 'users 99 does not exist'],
    ['ref of the wrong type', { managerId: '1' }, 'managerId', 'must be an integer, not a string'],
    ['ref with a fractional id', { managerId: 1.5 }, 'managerId', 'must be an integer, not 1.5'],
    // unknown and missing fields
    ['unknown field', { topSpeed: 120 }, 'topSpeed', 'unknown field "topSpeed"'],
    [
      'misspelt field',
      { emial: 'a@b.c' },
      'emial',
      'unknown field "emial" (did you mean "email"?)',
    ],
    ['missing required field', { name: undefined }, 'name', 'is required'],
    ['missing required nested object', { address: undefined }, 'address', 'is required'],
    ['missing required array', { tags: undefined }, 'tags', 'is required'],
    // client ids
    ['id of the wrong type', { id: 'abc' }, 'id', 'must be a positive integer'],
    ['id zero', { id: 0 }, 'id', 'must be a positive integer'],
    ['fractional id', { id: 2.5 }, 'id', 'must be a positive integer'],
  ])('%s', (_, changes, path, message) => {
    expect(thrown(() => validateWrite('create', users, userWith(changes), context()))).toEqual({
      code: 'invalid_body',
      message: INVALID,
      details: [{ path, message }],
    })
  })
})

describe('validateWrite: what is accepted', () => {
  it.each([
    ['an integer where a number is expected', { score: 1 }],
    ['null on a nullable field', { nickname: null }],
    ['null on a nullable ref', { managerId: null }],
    ['an optional field', { bio: 'Hi' }],
    ['any string on a constant field (the value only drives generation)', { kind: 'guest' }],
    ['arrays longer than max and shorter than min (they only drive generation)', { tags: [] }],
    ['ten tags', { tags: Array.from({ length: 10 }, (_, i) => `t${i}`) }],
    ['a free client id', { id: 50 }],
  ])('%s', (_, changes) => {
    expect(() => validateWrite('create', users, userWith(changes), context())).not.toThrow()
  })
})

describe('validateWrite: every problem at once', () => {
  it('lists body problems in body order, then missing fields in schema order', () => {
    const body = { topSpeed: 120, name: 5, tags: [1, 'b', 2], warrantyLength: 10, plan: 'x' }
    expect(thrown(() => validateWrite('create', users, body, context())).details).toEqual([
      { path: 'topSpeed', message: 'unknown field "topSpeed"' },
      { path: 'name', message: 'must be a string, not a number' },
      { path: 'tags[0]', message: 'must be a string, not a number' },
      { path: 'tags[2]', message: 'must be a string, not a number' },
      { path: 'warrantyLength', message: 'unknown field "warrantyLength"' },
      { path: 'plan', message: 'must be one of "free", "pro"' },
      { path: 'email', message: 'is required' },
      { path: 'age', message: 'is required' },
      { path: 'score', message: 'is required' },
      { path: 'active', message: 'is required' },
      { path: 'address', message: 'is required' },
      { path: 'codes', message: 'is required' },
      { path: 'badges', message: 'is required' },
      { path: 'greeting', message: 'is required' },
      { path: 'kind', message: 'is required' },
    ])
  })

  it('shows at most 50 problems and counts the rest', () => {
    const tags = Array.from({ length: 60 }, (_, i) => i)
    const { details } = thrown(() => validateWrite('create', users, userWith({ tags }), context()))
    expect(details).toEqual([
      ...tags
        .slice(0, 50)
        .map((i) => ({ path: `tags[${i}]`, message: 'must be a string, not a number' })),
      { path: '', message: 'and 10 more problems' },
    ])
  })

  it('quotes odd keys in paths', () => {
    const body = userWith({ 'odd key': 1 })
    expect(thrown(() => validateWrite('create', users, body, context())).details).toEqual([
      { path: '["odd key"]', message: 'unknown field "odd key"' },
    ])
  })
})

describe('validateWrite: the body to store', () => {
  it('applies defaults on create: default values, null for nullable fields, optional ones absent', () => {
    const stored = validateWrite('create', users, VALID_USER, context())
    expect(stored).toEqual({ ...VALID_USER, role: 'viewer', nickname: null })
    expect(Object.keys(stored)).toEqual([...Object.keys(VALID_USER), 'role', 'nickname'])
  })

  it('applies defaults inside a nested object', () => {
    const body = userWith({ profile: { handle: 'ann' } })
    expect(validateWrite('create', users, body, context())['profile']).toEqual({
      handle: 'ann',
      theme: 'light',
    })
  })

  it('keeps what the client sent over a default, and a client id where the client put it', () => {
    const body = { id: 50, ...VALID_USER, role: 'admin', nickname: 'Annie' }
    const stored = validateWrite('create', users, body, context())
    expect(stored).toEqual(body)
    expect(Object.keys(stored)).toEqual(Object.keys(body))
  })

  it('applies defaults on replace and drops the id', () => {
    expect(validateWrite('replace', users, { ...VALID_USER, id: 7 }, context(1))).toEqual({
      ...VALID_USER,
      role: 'viewer',
      nickname: null,
    })
  })

  it('requires every field on replace that is not optional, nullable or defaulted', () => {
    const { details } = thrown(() => validateWrite('replace', users, { name: 'A' }, context(1)))
    const required = ['email', 'age', 'score', 'active', 'plan', 'address', 'tags', 'codes']
    expect(details).toEqual(
      [...required, 'badges', 'greeting', 'kind'].map((path) => ({ path, message: 'is required' })),
    )
  })

  it('does not change the body it is given', () => {
    const body = structuredClone(userWith({ profile: { handle: 'ann' } }))
    const copy = structuredClone(body)
    validateWrite('create', users, body, context())
    expect(body).toEqual(copy)
  })
})

describe('validateWrite: patch', () => {
  it('checks only the fields it has, and drops the id', () => {
    expect(validateWrite('patch', users, { name: 'B', id: 9 }, context(1))).toEqual({ name: 'B' })
    expect(validateWrite('patch', users, {}, context(1))).toEqual({})
  })

  it.each([
    ['null on a non-nullable field', { name: null }, 'name', 'must be a string, not null'],
    ['a wrong type', { age: 'old' }, 'age', 'must be an integer, not a string'],
    ['an unknown field', { nmae: 'B' }, 'nmae', 'unknown field "nmae" (did you mean "name"?)'],
    ['a ref to a missing parent', { managerId: 42 }, 'managerId', 'users 42 does not exist'],
    // PATCH merges the top level only, so a nested object it sends replaces the stored one whole
    ['a partial nested object', { address: { city: 'Lyon' } }, 'address.geo', 'is required'],
  ])('rejects %s', (_, body, path, message) => {
    expect(thrown(() => validateWrite('patch', users, body, context(1)))).toEqual({
      code: 'invalid_body',
      message: INVALID,
      details: [{ path, message }],
    })
  })

  it('accepts null on a nullable field and applies defaults inside a nested object', () => {
    expect(
      validateWrite('patch', users, { nickname: null, profile: { handle: 'zed' } }, context(1)),
    ).toEqual({ nickname: null, profile: { handle: 'zed', theme: 'light' } })
  })
})

describe('validateWrite: conflicts (409)', () => {
  const CONFLICT = 'Request conflicts with existing data.'

  it.each([
    [
      'a unique value another item has',
      'create',
      userWith({ email: 'two@example.com' }),
      undefined,
      [{ path: 'email', message: 'must be unique: "two@example.com" is already used by users 2' }],
    ],
    [
      'a unique value in a nested object',
      'create',
      userWith({ profile: { handle: 'bo' } }),
      undefined,
      [{ path: 'profile.handle', message: 'must be unique: "bo" is already used by users 2' }],
    ],
    [
      'a taken client id',
      'create',
      userWith({ id: 2 }),
      undefined,
      [{ path: 'id', message: 'users 2 already exists' }],
    ],
    [
      'a taken id and a used value together',
      'create',
      userWith({ id: 1, email: 'one@example.com' }),
      undefined,
      [
        { path: 'id', message: 'users 1 already exists' },
        { path: 'email', message: 'must be unique: "one@example.com" is already used by users 1' },
      ],
    ],
    [
      "a patch taking another item's value",
      'patch',
      { email: 'one@example.com' },
      2,
      [{ path: 'email', message: 'must be unique: "one@example.com" is already used by users 1' }],
    ],
    [
      "a replace taking another item's value",
      'replace',
      userWith({ email: 'two@example.com' }),
      1,
      [{ path: 'email', message: 'must be unique: "two@example.com" is already used by users 2' }],
    ],
  ] as const)('%s', (_, kind, body, currentId, details) => {
    expect(thrown(() => validateWrite(kind, users, body, context(currentId)))).toEqual({
      code: 'conflict',
      message: CONFLICT,
      details,
    })
  })

  it('lets an item keep its own unique values', () => {
    const body = userWith({ email: 'two@example.com' })
    expect(validateWrite('replace', users, body, context(2))['email']).toBe('two@example.com')
    expect(validateWrite('patch', users, { email: 'two@example.com' }, context(2))).toEqual({
      email: 'two@example.com',
    })
  })

  it('reports invalid data (422) before conflicts (409)', () => {
    const body = userWith({ email: 'two@example.com', age: 'x' })
    expect(thrown(() => validateWrite('create', users, body, context())).code).toBe('invalid_body')
  })
})

describe('validateWrite: other resources', () => {
  it('accepts any object on a free-form resource, with json-server id rules', () => {
    const notes = resource('notes')
    const body = { anything: { deep: [1, 'two', null] }, id: 'n-1' }
    expect(validateWrite('create', notes, body, context())).toEqual(body)
    expect(validateWrite('replace', notes, { text: 'x', id: 3 }, context(1))).toEqual({ text: 'x' })
    expect(thrown(() => validateWrite('create', notes, { id: true }, context())).details).toEqual([
      { path: 'id', message: 'must be a number or a non-empty string' },
    ])
    expect(thrown(() => validateWrite('create', notes, { id: 1 }, context())).details).toEqual([
      { path: 'id', message: 'notes 1 already exists' },
    ])
  })

  it('wants string ids on a uuid resource and checks its refs', () => {
    const tokens = resource('tokens')
    expect(
      thrown(() => validateWrite('create', tokens, { id: 5, userId: 3, label: 'x' }, context()))
        .details,
    ).toEqual([
      { path: 'id', message: 'must be a non-empty string' },
      { path: 'userId', message: 'users 3 does not exist' },
    ])
    expect(
      thrown(() => validateWrite('create', tokens, { label: 'x' }, context())).details,
    ).toEqual([{ path: 'userId', message: 'is required' }])
    expect(
      validateWrite('create', tokens, { id: 'mine', userId: 2, label: 'x' }, context()),
    ).toEqual({
      id: 'mine',
      userId: 2,
      label: 'x',
    })
  })

  it('validates a singular resource: full on replace with defaults, partial on patch, no id', () => {
    const settings = resource('settings')
    expect(validateWrite('replace', settings, { theme: 'dark' }, context())).toEqual({
      theme: 'dark',
      size: 12,
    })
    expect(
      thrown(() => validateWrite('replace', settings, { size: 3 }, context())).details,
    ).toEqual([{ path: 'theme', message: 'is required' }])
    expect(validateWrite('patch', settings, { size: 14 }, context())).toEqual({ size: 14 })
    expect(
      thrown(() => validateWrite('patch', settings, { id: 1, theme: 'blue' }, context())).details,
    ).toEqual([
      { path: 'id', message: 'unknown field "id"' },
      { path: 'theme', message: 'must be one of "light", "dark"' },
    ])
  })
})
