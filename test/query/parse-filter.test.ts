import { describe, expect, it } from 'vitest'
import { parseListQuery } from '../../src/query/parse-query.ts'
import type { Filter } from '../../src/query/types.ts'
import { DB_SCHEMA, SCHEMA, spec } from './fixture.ts'

const parse = (resource: string, query: string, schema = SCHEMA) =>
  parseListQuery(new URLSearchParams(query), spec(resource, schema), schema)

const filter = (param: string, rest: Partial<Filter>): Filter => ({
  param,
  path: [param],
  op: 'eq',
  values: [],
  compareAs: 'string',
  droppable: false,
  index: undefined,
  ...rest,
})

describe('parseListQuery filters', () => {
  it.each<[string, string, Filter[]]>([
    ['posts', 'userId=1', [filter('userId', { values: [1], compareAs: 'number', index: 'ref' })]],
    ['posts', 'userId=1&userId=2', [filter('userId', { values: [1, 2], compareAs: 'number' })]],
    ['posts', 'id=3', [filter('id', { values: [3], compareAs: 'number', index: 'id' })]],
    ['posts', 'title=qui%20est%20esse', [filter('title', { values: ['qui est esse'] })]],
    [
      'posts',
      'views_gt=10',
      [filter('views_gt', { path: ['views'], op: 'gt', values: [10], compareAs: 'number' })],
    ],
    [
      'posts',
      'views_gte=1.5e2',
      [filter('views_gte', { path: ['views'], op: 'gte', values: [150], compareAs: 'number' })],
    ],
    [
      'posts',
      'views_lt=-3',
      [filter('views_lt', { path: ['views'], op: 'lt', values: [-3], compareAs: 'number' })],
    ],
    [
      'posts',
      'views_lte=0',
      [filter('views_lte', { path: ['views'], op: 'lte', values: [0], compareAs: 'number' })],
    ],
    [
      'posts',
      'id_ne=1&id_ne=2',
      [filter('id_ne', { path: ['id'], op: 'ne', values: [1, 2], compareAs: 'number' })],
    ],
    [
      'posts',
      'title_like=^sun',
      [filter('title_like', { path: ['title'], op: 'like', values: ['^sun'] })],
    ],
    ['posts', 'title_gt=m', [filter('title_gt', { path: ['title'], op: 'gt', values: ['m'] })]],
    [
      'posts',
      'views:gt=10',
      [filter('views:gt', { path: ['views'], op: 'gt', values: [10], compareAs: 'number' })],
    ],
    [
      'posts',
      'views:eq=10',
      [filter('views:eq', { path: ['views'], values: [10], compareAs: 'number' })],
    ],
    [
      'posts',
      'userId:eq=2',
      [filter('userId:eq', { path: ['userId'], values: [2], compareAs: 'number', index: 'ref' })],
    ],
    [
      'posts',
      'views:in=7,45',
      [filter('views:in', { path: ['views'], op: 'in', values: [7, 45], compareAs: 'number' })],
    ],
    [
      'posts',
      'views:in=7&views:in=9,10',
      [filter('views:in', { path: ['views'], op: 'in', values: [7, 9, 10], compareAs: 'number' })],
    ],
    [
      'posts',
      'title:contains=EST',
      [filter('title:contains', { path: ['title'], op: 'contains', values: ['EST'] })],
    ],
    [
      'posts',
      'title:startsWith=qui',
      [filter('title:startsWith', { path: ['title'], op: 'startsWith', values: ['qui'] })],
    ],
    [
      'posts',
      'title:endsWith=esse',
      [filter('title:endsWith', { path: ['title'], op: 'endsWith', values: ['esse'] })],
    ],
    ['posts', 'tags=news', [filter('tags', { values: ['news'] })]],
    ['posts', 'tags.0=news', [filter('tags.0', { path: ['tags', '0'], values: ['news'] })]],
    ['posts', 'subtitle=null', [filter('subtitle', { values: [null] })]],
    [
      'posts',
      'subtitle:in=null,First',
      [filter('subtitle:in', { path: ['subtitle'], op: 'in', values: [null, 'First'] })],
    ],
    ['posts', 'is_like=true', [filter('is_like', { values: [true], compareAs: 'boolean' })]],
    ['todos', 'completed=false', [filter('completed', { values: [false], compareAs: 'boolean' })]],
    [
      'users',
      'address.city=Paris',
      [filter('address.city', { path: ['address', 'city'], values: ['Paris'] })],
    ],
    [
      'users',
      'address.geo.lat_like=^-1',
      [
        filter('address.geo.lat_like', {
          path: ['address', 'geo', 'lat'],
          op: 'like',
          values: ['^-1'],
        }),
      ],
    ],
    [
      'users',
      'id=2&name=Ervin%20Howell',
      [
        filter('id', { values: [2], compareAs: 'number', index: 'id' }),
        filter('name', { values: ['Ervin Howell'] }),
      ],
    ],
  ])('%s?%s', (resource, query, expected) => {
    expect(parse(resource, query).filters).toEqual(expected)
  })

  it.each<[string, string, Filter[]]>([
    [
      'posts',
      'userId=1',
      [filter('userId', { values: ['1'], compareAs: 'loose', droppable: true, index: 'ref' })],
    ],
    ['posts', 'id=1', [filter('id', { values: ['1'], compareAs: 'loose', droppable: true })]],
    [
      'posts',
      'userid=1',
      [filter('userid', { values: ['1'], compareAs: 'loose', droppable: true })],
    ],
    [
      'posts',
      'views_gte=x',
      [filter('views_gte', { path: ['views'], op: 'gte', values: ['x'], compareAs: 'loose' })],
    ],
    [
      'posts',
      'views:gte=10',
      [filter('views:gte', { path: ['views'], op: 'gte', values: ['10'], compareAs: 'loose' })],
    ],
    ['posts', '_id=4', [filter('_id', { values: ['4'], compareAs: 'loose', droppable: true })]],
    [
      'posts',
      '_tag_like=a',
      [
        filter('_tag_like', {
          path: ['_tag'],
          op: 'like',
          values: ['a'],
          compareAs: 'loose',
          droppable: true,
        }),
      ],
    ],
    ['posts', '__proto__=1', [filter('__proto__', { values: ['1'], compareAs: 'loose' })]],
    [
      'posts',
      'a.constructor.b=1',
      [
        filter('a.constructor.b', {
          path: ['a', 'constructor', 'b'],
          values: ['1'],
          compareAs: 'loose',
        }),
      ],
    ],
  ])('%s?%s on a plain json-server db compares loosely', (resource, query, expected) => {
    expect(parse(resource, query, DB_SCHEMA).filters).toEqual(expected)
  })

  it.each([
    ['_=1700000000'],
    ['_delay=500&_status=500'],
    ['_wherever=1'],
    ['_foo_like=x'],
    ['=1&&'],
  ])('ignores %s on a resource with fields', (query) => {
    expect(parse('posts', query).filters).toEqual([])
  })

  it('reads a field really named like a suffixed key as that field', () => {
    expect(parse('posts', 'is_like=true').filters[0]?.op).toBe('eq')
  })

  it('lower-cases the full-text search and ignores an empty one', () => {
    expect(parse('posts', 'q=Hello%20World&q=second').search).toEqual({
      text: 'hello world',
      skip: new Set(['id', 'userId']),
    })
    expect(parse('posts', 'q=').search).toBeUndefined()
  })
})
