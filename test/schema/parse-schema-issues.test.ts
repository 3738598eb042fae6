import { describe, expect, it } from 'vitest'
import type { Issue } from '../../src/errors.ts'
import { issuesOf, withFields } from './helpers.ts'

const F = 'resources.users.fields'
const KINDS = '"faker", "ref", "enum", "array", "value", "object"'
const ID_LIST = '"integer", "uuid", "nanoid"'
const TYPES = '"string", "number", "integer", "boolean", "object", "array", "null"'

type Case = [string, unknown, Issue[]]

const topLevel: Case[] = [
  ['a non-object', [], [{ path: '', message: 'must be a JSON object with a "resources" key' }]],
  ['no resources', {}, [{ path: 'resources', message: 'is required' }]],
  [
    'resources not an object',
    { resources: [] },
    [{ path: 'resources', message: 'must be an object mapping resource names to resources' }],
  ],
  [
    'no resource',
    { resources: {} },
    [{ path: 'resources', message: 'must declare at least one resource' }],
  ],
  [
    'unknown top-level key, bad seed and $schema',
    { $schema: 3, seed: 1.5, resource: {}, resources: { users: {} } },
    [
      { path: 'resource', message: 'unknown key "resource" (did you mean "resources"?)' },
      { path: '$schema', message: 'must be a string' },
      { path: 'seed', message: 'must be an integer' },
    ],
  ],
  [
    'seed as a string',
    { seed: '1', resources: { a: {} } },
    [{ path: 'seed', message: 'must be an integer' }],
  ],
]

const names: Case[] = [
  [
    '_private',
    { resources: { _private: {} } },
    [
      {
        path: 'resources._private',
        message: 'is reserved: names starting with "_" are fauxrest\'s own routes',
      },
    ],
  ],
  [
    'db',
    { resources: { db: {} } },
    [{ path: 'resources.db', message: "is reserved for fauxrest's own route /db" }],
  ],
  [
    'docs',
    { resources: { docs: {} } },
    [{ path: 'resources.docs', message: "is reserved for fauxrest's own route /docs" }],
  ],
  [
    'openapi.json',
    { resources: { 'openapi.json': {} } },
    [
      {
        path: 'resources["openapi.json"]',
        message: "is reserved for fauxrest's own route /openapi.json",
      },
    ],
  ],
  [
    'constructor',
    { resources: { constructor: {} } },
    [{ path: 'resources.constructor', message: 'is reserved' }],
  ],
  [
    'a space',
    { resources: { 'blog posts': {} } },
    [
      {
        path: 'resources["blog posts"]',
        message:
          'must be URL-safe: letters, digits and . _ ~ - only, starting with a letter or digit',
      },
    ],
  ],
  [
    'a slash',
    { resources: { 'a/b': {} } },
    [
      {
        path: 'resources["a/b"]',
        message:
          'must be URL-safe: letters, digits and . _ ~ - only, starting with a letter or digit',
      },
    ],
  ],
]

const resources: Case[] = [
  [
    'not an object',
    { resources: { users: 3 } },
    [{ path: 'resources.users', message: 'must be an object (use {} for a free-form resource)' }],
  ],
  [
    'unknown key',
    { resources: { users: { cont: 5 } } },
    [{ path: 'resources.users.cont', message: 'unknown key "cont" (did you mean "count"?)' }],
  ],
  [
    'negative count',
    { resources: { users: { count: -1 } } },
    [{ path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' }],
  ],
  [
    'fractional count',
    { resources: { users: { count: 1.5 } } },
    [{ path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' }],
  ],
  [
    'huge count',
    { resources: { users: { count: 10_000_001 } } },
    [{ path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' }],
  ],
  [
    'string count',
    { resources: { users: { count: '10' } } },
    [{ path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' }],
  ],
  [
    'singular not boolean',
    { resources: { users: { singular: 'yes' } } },
    [{ path: 'resources.users.singular', message: 'must be true or false' }],
  ],
  [
    'count and id on a singular resource',
    { resources: { profile: { singular: true, count: 1, id: 'uuid' } } },
    [
      {
        path: 'resources.profile.count',
        message: '"count" is not allowed on a singular resource (it has no items)',
      },
      {
        path: 'resources.profile.id',
        message: '"id" is not allowed on a singular resource (it has no items)',
      },
    ],
  ],
  [
    'bad id strategy',
    { resources: { users: { id: 'uuid4' } } },
    [{ path: 'resources.users.id', message: `must be one of ${ID_LIST} (did you mean "uuid"?)` }],
  ],
  [
    'fields not an object',
    { resources: { users: { fields: [] } } },
    [
      {
        path: 'resources.users.fields',
        message: 'must be an object of fields (leave it out for a free-form resource)',
      },
    ],
  ],
  [
    'bad id field',
    withFields({ id: 'serial' }),
    [
      {
        path: `${F}.id`,
        message: `must be one of ${ID_LIST}: "id" in fields sets the id strategy and its position`,
      },
    ],
  ],
  [
    'id field conflicting with the resource id',
    { resources: { users: { id: 'uuid', fields: { id: 'nanoid' } } } },
    [{ path: `${F}.id`, message: '"nanoid" conflicts with the resource\'s "id": "uuid"' }],
  ],
]

const strings: Case[] = [
  [
    'faker typo',
    withFields({ email: 'internet.emial' }),
    [
      {
        path: `${F}.email`,
        message: 'unknown faker method "internet.emial" (did you mean "internet.email"?)',
      },
    ],
  ],
  [
    'removed module',
    withFields({ name: 'name.firstName' }),
    [
      {
        path: `${F}.name`,
        message: 'unknown faker method "name.firstName" (did you mean "person.firstName"?)',
      },
    ],
  ],
  [
    'renamed method',
    withFields({ login: 'internet.userName' }),
    [
      {
        path: `${F}.login`,
        message: 'unknown faker method "internet.userName" (did you mean "internet.username"?)',
      },
    ],
  ],
  [
    'unknown path without a suggestion',
    withFields({ x: 'qqqq.zzzzzz' }),
    [{ path: `${F}.x`, message: 'unknown faker method "qqqq.zzzzzz"' }],
  ],
  [
    'three segments',
    withFields({ x: 'person.fullName.length' }),
    [
      {
        path: `${F}.x`,
        message: 'unknown faker method "person.fullName.length" (did you mean "person.fullName"?)',
      },
    ],
  ],
  [
    'private member',
    withFields({ x: 'person.constructor' }),
    [{ path: `${F}.x`, message: 'unknown faker method "person.constructor"' }],
  ],
  [
    'a plain word',
    withFields({ name: 'John' }),
    [
      {
        path: `${F}.name`,
        message:
          '"John" is not a faker method (module.method) or a {{template}}; for a constant write { "value": "John" }',
      },
    ],
  ],
  [
    'a method name without module',
    withFields({ mail: 'email' }),
    [
      {
        path: `${F}.mail`,
        message: 'unknown faker method "email" (did you mean "internet.email"?)',
      },
    ],
  ],
  [
    'a number',
    withFields({ n: 3 }),
    [
      {
        path: `${F}.n`,
        message:
          'must be a faker method path, a {{template}}, a field spec or a nested object; for a constant write { "value": 3 }',
      },
    ],
  ],
  [
    'null',
    withFields({ n: null }),
    [
      {
        path: `${F}.n`,
        message:
          'must be a faker method path, a {{template}}, a field spec or a nested object; for a constant write { "value": null }',
      },
    ],
  ],
  [
    'an array',
    withFields({ n: ['a'] }),
    [
      {
        path: `${F}.n`,
        message:
          'must be a faker method path, a {{template}}, a field spec or a nested object; for a constant write { "value": ["a"] }',
      },
    ],
  ],
  [
    'template typo',
    withFields({ g: 'Hi {{person.fristName}}' }),
    [
      {
        path: `${F}.g`,
        message:
          '{{person.fristName}}: unknown faker method "person.fristName" (did you mean "person.firstName"?)',
      },
    ],
  ],
  [
    'template with a word',
    withFields({ g: 'Hi {{person}}' }),
    [{ path: `${F}.g`, message: '{{person}}: unknown faker method "person"' }],
  ],
  [
    'template with bad JSON args',
    withFields({ g: '{{number.int({min:1})}}' }),
    [
      {
        path: `${F}.g`,
        message:
          '{{number.int({min:1})}}: args must be JSON values separated by commas, e.g. {{number.int({"min":1,"max":9})}}',
      },
    ],
  ],
  [
    'template with rejected args',
    withFields({ g: '{{number.int({"min":9,"max":1})}}' }),
    [
      {
        path: `${F}.g`,
        message:
          '{{number.int}}: faker rejects the args for "number.int": Max 1 should be greater than min 9.',
      },
    ],
  ],
  [
    'empty placeholder',
    withFields({ g: 'a {{ }} b' }),
    [{ path: `${F}.g`, message: '{{ }}: expected {{module.method}} or {{module.method(args)}}' }],
  ],
  [
    'unclosed placeholder',
    withFields({ g: 'Hi {{person.firstName' }),
    [{ path: `${F}.g`, message: 'unclosed "{{" at character 4' }],
  ],
]

const specs: Case[] = [
  [
    'two kinds',
    withFields({ x: { faker: 'lorem.word', value: 1 } }),
    [
      {
        path: `${F}.x`,
        message: `has "faker", "value": a field spec takes exactly one of ${KINDS}`,
      },
    ],
  ],
  [
    'modifiers without a kind',
    withFields({ x: { fakr: 'internet.email', unique: true } }),
    [{ path: `${F}.x`, message: `a field spec needs one of ${KINDS}` }],
  ],
  [
    'unknown modifier',
    withFields({ x: { faker: 'lorem.word', optinal: true } }),
    [{ path: `${F}.x.optinal`, message: 'unknown key "optinal" (did you mean "optional"?)' }],
  ],
  [
    'a nested field named like a kind',
    withFields({ price: { value: 'commerce.price', currency: 'finance.currencyCode' } }),
    [
      {
        path: `${F}.price.currency`,
        message:
          'unknown key "currency" (an object with a "value" key is a field spec; write a nested object that has a "value" field as { "object": { ... } })',
      },
    ],
  ],
  [
    'args without faker',
    withFields({ x: { enum: [1], args: [] } }),
    [{ path: `${F}.x.args`, message: '"args" is only allowed with "faker"' }],
  ],
  [
    'min without array',
    withFields({ x: { faker: 'lorem.word', min: 1 } }),
    [{ path: `${F}.x.min`, message: '"min" is only allowed with "array"' }],
  ],
  [
    'onDelete without ref',
    withFields({ x: { value: 1, onDelete: 'cascade' } }),
    [{ path: `${F}.x.onDelete`, message: '"onDelete" is only allowed with "ref"' }],
  ],
  [
    'faker not a string',
    withFields({ x: { faker: 3 } }),
    [{ path: `${F}.x.faker`, message: 'must be a faker method path (module.method)' }],
  ],
  [
    'unknown faker in a spec',
    withFields({ x: { faker: 'internet.emial' } }),
    [
      {
        path: `${F}.x.faker`,
        message: 'unknown faker method "internet.emial" (did you mean "internet.email"?)',
      },
    ],
  ],
  [
    'args not an array',
    withFields({ x: { faker: 'number.int', args: { min: 1 } } }),
    [{ path: `${F}.x.args`, message: 'must be an array of JSON arguments, e.g. [{ "min": 1 }]' }],
  ],
  [
    'rejected args',
    withFields({ age: { faker: 'number.int', args: [{ min: 9, max: 1 }] } }),
    [
      {
        path: `${F}.age.args`,
        message: 'faker rejects the args for "number.int": Max 1 should be greater than min 9.',
      },
    ],
  ],
  [
    'bad type',
    withFields({ x: { faker: 'lorem.word', type: 'int' } }),
    [{ path: `${F}.x.type`, message: `must be one of ${TYPES}` }],
  ],
  [
    'type typo',
    withFields({ x: { faker: 'lorem.word', type: 'strin' } }),
    [{ path: `${F}.x.type`, message: `must be one of ${TYPES} (did you mean "string"?)` }],
  ],
  [
    'flags not boolean',
    withFields({ x: { faker: 'lorem.word', optional: 'yes', nullable: 1, unique: null } }),
    [
      { path: `${F}.x.optional`, message: 'must be true or false' },
      { path: `${F}.x.nullable`, message: 'must be true or false' },
      { path: `${F}.x.unique`, message: 'must be true or false' },
    ],
  ],
  [
    'default of the wrong type',
    withFields({ x: { faker: 'number.int', default: 'x' } }),
    [{ path: `${F}.x.default`, message: "must be of type integer (the field's type)" }],
  ],
  [
    'default of the declared type',
    withFields({ x: { faker: 'number.int', type: 'string', default: 3 } }),
    [{ path: `${F}.x.default`, message: "must be of type string (the field's type)" }],
  ],
  [
    'null default, not nullable',
    withFields({ x: { faker: 'lorem.word', default: null } }),
    [{ path: `${F}.x.default`, message: 'is null but the field is not nullable' }],
  ],
  [
    'empty enum',
    withFields({ x: { enum: [] } }),
    [{ path: `${F}.x.enum`, message: 'must be a non-empty array of JSON values' }],
  ],
  [
    'enum not an array',
    withFields({ x: { enum: 'a' } }),
    [{ path: `${F}.x.enum`, message: 'must be a non-empty array of JSON values' }],
  ],
  [
    'unique enum too small',
    withFields({ x: { enum: ['a', 'b', 'a'], unique: true } }),
    [{ path: `${F}.x.unique`, message: 'cannot be unique: 2 distinct values for 10 items' }],
  ],
  [
    'unique enum too small in a nested object',
    withFields({ o: { object: { x: { enum: ['a', 'b'], unique: true } } } }),
    [
      {
        path: `${F}.o.object.x.unique`,
        message: 'cannot be unique: 2 distinct values for 10 items',
      },
    ],
  ],
  [
    'unique constant',
    withFields({ x: { value: 1, unique: true } }),
    [{ path: `${F}.x.unique`, message: 'a constant "value" cannot be unique' }],
  ],
  [
    'min above max',
    withFields({ x: { array: 'lorem.word', min: 5, max: 2 } }),
    [{ path: `${F}.x.min`, message: 'must be <= max (2)' }],
  ],
  [
    'array bounds out of range',
    withFields({ x: { array: 'lorem.word', min: -1, max: 1001 } }),
    [
      { path: `${F}.x.min`, message: 'must be an integer from 0 to 1000' },
      { path: `${F}.x.max`, message: 'must be an integer from 0 to 1000' },
    ],
  ],
  [
    'array of a bad field',
    withFields({ x: { array: 'lorem.wrd' } }),
    [
      {
        path: `${F}.x.array`,
        message: 'unknown faker method "lorem.wrd" (did you mean "lorem.word"?)',
      },
    ],
  ],
  [
    'array with another type',
    withFields({ x: { array: 'lorem.word', type: 'string' } }),
    [{ path: `${F}.x.type`, message: 'must be "array" for an array field' }],
  ],
  [
    'object not an object',
    withFields({ x: { object: 3 } }),
    [{ path: `${F}.x.object`, message: 'must be an object of fields' }],
  ],
  [
    'bad field inside object',
    withFields({ x: { object: { y: 'Bob' } } }),
    [
      {
        path: `${F}.x.object.y`,
        message:
          '"Bob" is not a faker method (module.method) or a {{template}}; for a constant write { "value": "Bob" }',
      },
    ],
  ],
  [
    'bad field deep in a nested object',
    withFields({ a: { b: { c: 'location.cty' } } }),
    [
      {
        path: `${F}.a.b.c`,
        message: 'unknown faker method "location.cty" (did you mean "location.city"?)',
      },
    ],
  ],
]

const refs: Case[] = [
  [
    'unknown resource',
    { resources: { users: {}, posts: { fields: { userId: { ref: 'user' } } } } },
    [
      {
        path: 'resources.posts.fields.userId.ref',
        message: 'ref to unknown resource "user" (did you mean "users"?)',
      },
    ],
  ],
  [
    'singular resource',
    { resources: { profile: { singular: true }, posts: { fields: { p: { ref: 'profile' } } } } },
    [
      {
        path: 'resources.posts.fields.p.ref',
        message: 'ref to singular resource "profile": refs point at plural resources',
      },
    ],
  ],
  [
    'not a string',
    withFields({ x: { ref: 1 } }),
    [{ path: `${F}.x.ref`, message: 'must be the name of a plural resource' }],
  ],
  [
    'nested in an object',
    withFields({ meta: { ownerId: { ref: 'users', nullable: true } } }),
    [
      {
        path: `${F}.meta.ownerId`,
        message: "a ref is only allowed at the top level of a resource's fields",
      },
    ],
  ],
  [
    'inside an array',
    withFields({ friends: { array: { ref: 'users', nullable: true } } }),
    [
      {
        path: `${F}.friends.array`,
        message: "a ref is only allowed at the top level of a resource's fields",
      },
    ],
  ],
  [
    'self ref, required',
    withFields({ managerId: { ref: 'users' } }),
    [
      {
        path: `${F}.managerId`,
        message:
          'a ref to its own resource must be nullable or optional (the first item has no parent)',
      },
    ],
  ],
  [
    'onDelete typo',
    {
      resources: { users: {}, posts: { fields: { userId: { ref: 'users', onDelete: 'cascde' } } } },
    },
    [
      {
        path: 'resources.posts.fields.userId.onDelete',
        message: 'must be one of "cascade", "nullify", "restrict" (did you mean "cascade"?)',
      },
    ],
  ],
  [
    'type on a ref',
    { resources: { users: {}, posts: { fields: { userId: { ref: 'users', type: 'string' } } } } },
    [
      {
        path: 'resources.posts.fields.userId.type',
        message: 'is not allowed with "ref" (a ref has the type of its parent\'s id)',
      },
    ],
  ],
  [
    'a cycle of required refs',
    { resources: { a: { fields: { bId: { ref: 'b' } } }, b: { fields: { aId: { ref: 'a' } } } } },
    [
      {
        path: 'resources.b.fields.aId',
        message:
          'refs form a cycle a -> b -> a: make one of these refs nullable or optional so parents can be generated first',
      },
    ],
  ],
]

const fieldNames: Case[] = [
  [
    'dotted field name',
    withFields({ 'a.b': 'lorem.word' }),
    [
      {
        path: `${F}["a.b"]`,
        message: 'must not contain "." (dots address nested fields in queries)',
      },
    ],
  ],
  [
    'empty field name',
    withFields({ '': 'lorem.word' }),
    [{ path: `${F}[""]`, message: 'field names must not be empty' }],
  ],
  [
    '__proto__ field',
    withFields(JSON.parse('{"__proto__": "lorem.word"}')),
    [{ path: `${F}.__proto__`, message: 'is reserved and cannot be a field name' }],
  ],
  [
    'constructor in a nested object',
    withFields({ a: { constructor: 'lorem.word' } }),
    [{ path: `${F}.a.constructor`, message: 'is reserved and cannot be a field name' }],
  ],
]

describe('parseSchema issues', () => {
  describe.each([
    ['top level', topLevel],
    ['resource names', names],
    ['resources', resources],
    ['string fields', strings],
    ['field specs', specs],
    ['refs', refs],
    ['field names', fieldNames],
  ])('%s', (_group, cases) => {
    it.each(cases)('%s', (_, document, expected) => {
      expect(issuesOf(document)).toEqual(expected)
    })
  })

  it('reports a field nested too deeply', () => {
    let field: unknown = 'lorem.word'
    for (let level = 0; level < 40; level++) field = { deeper: field }
    const issues = issuesOf(withFields({ top: field }))
    expect(issues).toEqual([
      {
        path: `${F}.top${'.deeper'.repeat(33)}`,
        message: 'is nested too deeply (at most 32 levels)',
      },
    ])
  })

  it('collects every problem of a document at once, in document order per resource', () => {
    const document = {
      resourcs: {},
      resources: {
        users: {
          count: -1,
          fields: {
            email: { faker: 'internet.emial', unique: true },
            role: { enum: ['admin'], optinal: true },
            name: 'John',
          },
        },
        posts: { fields: { userId: { ref: 'user' }, title: 'lorem.sentense' } },
        _meta: {},
      },
    }
    expect(issuesOf(document)).toEqual([
      { path: 'resourcs', message: 'unknown key "resourcs" (did you mean "resources"?)' },
      {
        path: 'resources._meta',
        message: 'is reserved: names starting with "_" are fauxrest\'s own routes',
      },
      { path: 'resources.users.count', message: 'must be an integer from 0 to 10000000' },
      {
        path: `${F}.email.faker`,
        message: 'unknown faker method "internet.emial" (did you mean "internet.email"?)',
      },
      { path: `${F}.role.optinal`, message: 'unknown key "optinal" (did you mean "optional"?)' },
      {
        path: `${F}.name`,
        message:
          '"John" is not a faker method (module.method) or a {{template}}; for a constant write { "value": "John" }',
      },
      {
        path: 'resources.posts.fields.userId.ref',
        message: 'ref to unknown resource "user" (did you mean "users"?)',
      },
      {
        path: 'resources.posts.fields.title',
        message: 'unknown faker method "lorem.sentense" (did you mean "lorem.sentence"?)',
      },
    ])
  })
})
