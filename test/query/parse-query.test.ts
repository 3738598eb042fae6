import { describe, expect, it } from 'vitest'
import { parseItemQuery, parseListQuery } from '../../src/query/parse-query.ts'
import type { Filter } from '../../src/query/types.ts'
import { DB_SCHEMA, SCHEMA, queryFailure, spec } from './fixture.ts'

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
    ['_where={"a":1}'],
    ['_foo_like=x'],
    ['=1&&'],
  ])('ignores %s on a resource with fields', (query) => {
    expect(parse('posts', query).filters).toEqual([])
  })

  it('reads a field really named like a suffixed key as that field', () => {
    expect(parse('posts', 'is_like=true').filters[0]?.op).toBe('eq')
  })

  it('lower-cases the full-text search and ignores an empty one', () => {
    expect(parse('posts', 'q=Hello%20World&q=second').search).toBe('hello world')
    expect(parse('posts', 'q=').search).toBeUndefined()
  })
})

describe('parseListQuery sort and window', () => {
  it.each([
    ['_sort=views', [{ path: ['views'], desc: false }]],
    ['_sort=views&_order=DESC', [{ path: ['views'], desc: true }]],
    [
      '_sort=views,title&_order=desc,asc',
      [
        { path: ['views'], desc: true },
        { path: ['title'], desc: false },
      ],
    ],
    [
      '_sort=views,title&_order=desc',
      [
        { path: ['views'], desc: true },
        { path: ['title'], desc: false },
      ],
    ],
    [
      '_sort=-views,title',
      [
        { path: ['views'], desc: true },
        { path: ['title'], desc: false },
      ],
    ],
    [
      '_sort=views&_sort=-id',
      [
        { path: ['views'], desc: false },
        { path: ['id'], desc: true },
      ],
    ],
    ['_sort=,views,', [{ path: ['views'], desc: false }]],
    ['_order=desc', []],
  ])('%s', (query, sort) => {
    expect(parse('posts', query).sort).toEqual(sort)
  })

  it.each([
    ['', { kind: 'all' }],
    ['_page=2', { kind: 'page', page: 2, limit: 10 }],
    ['_page=2&_limit=5', { kind: 'page', page: 2, limit: 5 }],
    ['_page=2&_limit=5&_start=1&_end=3', { kind: 'page', page: 2, limit: 5 }],
    ['_page=3&_per_page=25', { kind: 'envelope', page: 3, perPage: 25 }],
    ['_per_page=25', { kind: 'all' }],
    ['_start=20&_end=30', { kind: 'slice', start: 20, end: 30 }],
    ['_end=5', { kind: 'slice', start: 0, end: 5 }],
    ['_start=20&_limit=10', { kind: 'slice', start: 20, end: 30 }],
    ['_start=5&_end=8&_limit=100', { kind: 'slice', start: 5, end: 8 }],
    ['_limit=3', { kind: 'slice', start: 0, end: 3 }],
    ['_limit=0', { kind: 'slice', start: 0, end: 0 }],
    ['_start=4', { kind: 'slice', start: 4, end: undefined }],
  ])('%s', (query, window) => {
    expect(parse('posts', query).window).toEqual(window)
  })
})

describe('parseListQuery embed, expand, select', () => {
  it.each([
    [
      'posts',
      '_embed=comments',
      {
        embed: [{ name: 'comments', child: 'comments', field: 'postId' }],
        expand: [],
        select: undefined,
      },
    ],
    [
      'users',
      '_embed=posts,todos',
      {
        embed: [
          { name: 'posts', child: 'posts', field: 'userId' },
          { name: 'todos', child: 'todos', field: 'userId' },
        ],
        expand: [],
        select: undefined,
      },
    ],
    [
      'users',
      '_embed=posts&_embed=todos&_embed=posts',
      {
        embed: [
          { name: 'posts', child: 'posts', field: 'userId' },
          { name: 'todos', child: 'todos', field: 'userId' },
        ],
        expand: [],
        select: undefined,
      },
    ],
    [
      'posts',
      '_expand=user',
      {
        embed: [],
        expand: [{ name: 'user', parent: 'users', field: 'userId' }],
        select: undefined,
      },
    ],
    [
      'comments',
      '_embed=post&_expand=post',
      {
        embed: [],
        expand: [{ name: 'post', parent: 'posts', field: 'postId' }],
        select: undefined,
      },
    ],
    ['posts', '_select=id,title', { embed: [], expand: [], select: ['id', 'title'] }],
    [
      'posts',
      '_select=id,user&_expand=user',
      {
        embed: [],
        expand: [{ name: 'user', parent: 'users', field: 'userId' }],
        select: ['id', 'user'],
      },
    ],
    ['posts', '_select=', { embed: [], expand: [], select: undefined }],
  ])('%s?%s', (resource, query, shape) => {
    const { embed, expand, select } = parse(resource, query)
    expect({ embed, expand, select }).toEqual(shape)
  })

  it('keeps any select name but the forbidden ones on a free-form resource', () => {
    expect(parse('notes', '_select=id,whatever,__proto__,constructor').select).toEqual([
      'id',
      'whatever',
    ])
  })
})

describe('parseListQuery errors', () => {
  it.each<[string, string, { path: string; message: string }[]]>([
    [
      'posts',
      'userid=1',
      [{ path: 'userid', message: 'unknown field "userid" (did you mean "userId"?)' }],
    ],
    [
      'posts',
      'titel_like=x',
      [{ path: 'titel_like', message: 'unknown field "titel" (did you mean "title"?)' }],
    ],
    ['posts', 'zzz=1', [{ path: 'zzz', message: 'unknown field "zzz"' }]],
    [
      'users',
      'address.cty=Paris',
      [
        {
          path: 'address.cty',
          message: 'unknown field "address.cty" (did you mean "address.city"?)',
        },
      ],
    ],
    [
      'users',
      'address.geo.lat.x=1',
      [{ path: 'address.geo.lat.x', message: 'unknown field "address.geo.lat.x"' }],
    ],
    ['users', 'name.first=1', [{ path: 'name.first', message: 'unknown field "name.first"' }]],
    ['posts', 'id.x=1', [{ path: 'id.x', message: 'unknown field "id.x"' }]],
    ['posts', 'tags.x=1', [{ path: 'tags.x', message: 'unknown field "tags.x"' }]],
    ['posts', '__proto__=1', [{ path: '__proto__', message: 'unknown field "__proto__"' }]],
    [
      'posts',
      '__proto__.polluted=1',
      [{ path: '__proto__.polluted', message: 'unknown field "__proto__"' }],
    ],
    ['posts', 'constructor=1', [{ path: 'constructor', message: 'unknown field "constructor"' }]],
    [
      'users',
      'address.__proto__=1',
      [{ path: 'address.__proto__', message: 'unknown field "address.__proto__"' }],
    ],
    [
      'posts',
      'prototype_like=x',
      [{ path: 'prototype_like', message: 'unknown field "prototype"' }],
    ],
    ['posts', 'userId=abc', [{ path: 'userId', message: '"abc" is not a number' }]],
    ['posts', 'id_gt=abc', [{ path: 'id_gt', message: '"abc" is not a number' }]],
    ['posts', 'views:gt=abc', [{ path: 'views:gt', message: '"abc" is not a number' }]],
    ['posts', 'views=0x10', [{ path: 'views', message: '"0x10" is not a number' }]],
    ['posts', 'views=', [{ path: 'views', message: '"" is not a number' }]],
    ['posts', 'views=null', [{ path: 'views', message: '"null" is not a number' }]],
    ['posts', 'views:in=1,x', [{ path: 'views:in', message: '"x" is not a number' }]],
    [
      'todos',
      'completed=maybe',
      [{ path: 'completed', message: '"maybe" is not a boolean (expected true or false)' }],
    ],
    [
      'todos',
      'completed:gt=true',
      [
        {
          path: 'completed:gt',
          message: 'operator "gt" needs a number or text field ("completed" is a boolean)',
        },
      ],
    ],
    [
      'posts',
      'views:contains=4',
      [
        {
          path: 'views:contains',
          message: 'operator "contains" needs a text field ("views" is an integer)',
        },
      ],
    ],
    [
      'posts',
      'views:foo=1',
      [
        {
          path: 'views:foo',
          message:
            'unknown operator "foo" (operators: eq, ne, lt, lte, gt, gte, in, contains, startsWith, endsWith)',
        },
      ],
    ],
    [
      'posts',
      'title:startswith=a',
      [
        {
          path: 'title:startswith',
          message:
            'unknown operator "startswith" (did you mean "startsWith"? operators: eq, ne, lt, lte, gt, gte, in, contains, startsWith, endsWith)',
        },
      ],
    ],
    [
      'posts',
      'title_like=(a',
      [
        {
          path: 'title_like',
          message: 'is not a valid regular expression (missing closing ): `(a`)',
        },
      ],
    ],
    [
      'posts',
      'title_like=(?=a)',
      [
        {
          path: 'title_like',
          message: 'is not a valid regular expression (invalid or unsupported Perl syntax: `(?=`)',
        },
      ],
    ],
    [
      'posts',
      `title_like=${'a'.repeat(1001)}`,
      [{ path: 'title_like', message: 'pattern is longer than 1000 characters' }],
    ],
    ['posts', '_page=abc', [{ path: '_page', message: 'must be a positive integer (got "abc")' }]],
    ['posts', '_page=0', [{ path: '_page', message: 'must be a positive integer (got "0")' }]],
    ['posts', '_page=1.5', [{ path: '_page', message: 'must be a positive integer (got "1.5")' }]],
    [
      'posts',
      '_page=99999999999999999999',
      [{ path: '_page', message: 'must be a positive integer (got "99999999999999999999")' }],
    ],
    [
      'posts',
      '_limit=-1',
      [{ path: '_limit', message: 'must be a non-negative integer (got "-1")' }],
    ],
    [
      'posts',
      '_page=1&_limit=0',
      [{ path: '_limit', message: 'must be a positive integer with _page (got "0")' }],
    ],
    [
      'posts',
      '_start=x',
      [{ path: '_start', message: 'must be a non-negative integer (got "x")' }],
    ],
    ['posts', '_end=', [{ path: '_end', message: 'must be a non-negative integer (got "")' }]],
    [
      'posts',
      '_page=1&_per_page=0',
      [{ path: '_per_page', message: 'must be a positive integer (got "0")' }],
    ],
    [
      'posts',
      '_page=1&_per_page=5&_limit=5',
      [{ path: '_limit', message: 'cannot be combined with _per_page' }],
    ],
    [
      'posts',
      '_sort=vews',
      [{ path: '_sort', message: 'unknown field "vews" (did you mean "views"?)' }],
    ],
    ['posts', '_sort=-__proto__', [{ path: '_sort', message: 'unknown field "__proto__"' }]],
    ['posts', '_order=up', [{ path: '_order', message: 'must be asc or desc (got "up")' }]],
    [
      'posts',
      '_embed=coments',
      [{ path: '_embed', message: 'unknown embed "coments" (did you mean "comments"?)' }],
    ],
    [
      'posts',
      '_embed=photos',
      [{ path: '_embed', message: 'unknown embed "photos" (can embed: comments, user)' }],
    ],
    [
      'comments',
      '_embed=__proto__',
      [{ path: '_embed', message: 'unknown embed "__proto__" (can embed: post)' }],
    ],
    [
      'posts',
      '_expand=usr',
      [{ path: '_expand', message: 'unknown expand "usr" (did you mean "user"?)' }],
    ],
    [
      'users',
      '_expand=company',
      [{ path: '_expand', message: 'unknown expand "company" (can expand: nothing here)' }],
    ],
    [
      'posts',
      '_select=id,titel',
      [{ path: '_select', message: 'unknown field "titel" (did you mean "title"?)' }],
    ],
    ['posts', '_select=comments', [{ path: '_select', message: 'unknown field "comments"' }]],
    ['posts', '_select=__proto__', [{ path: '_select', message: 'unknown field "__proto__"' }]],
    [
      'posts',
      'userid=1&_page=0&_sort=x',
      [
        { path: 'userid', message: 'unknown field "userid" (did you mean "userId"?)' },
        { path: '_sort', message: 'unknown field "x"' },
        { path: '_page', message: 'must be a positive integer (got "0")' },
      ],
    ],
  ])('%s?%s', (resource, query, details) => {
    const { code, details: actual } = queryFailure(() => parse(resource, query))
    expect({ code, details: actual }).toEqual({ code: 'invalid_query', details })
  })

  it('names the parameter in the message', () => {
    expect(queryFailure(() => parse('posts', 'userid=1')).message).toBe(
      'Invalid query parameter "userid": unknown field "userid" (did you mean "userId"?).',
    )
    expect(queryFailure(() => parse('posts', '_page=0&_limit=x')).message).toBe(
      'Invalid query parameters: "_page": must be a positive integer (got "0"); "_limit": must be a non-negative integer (got "x").',
    )
  })

  it('cuts long values short in messages', () => {
    const failure = queryFailure(() => parse('posts', `views=${'9'.repeat(500)}x`))
    expect(failure.details).toEqual([
      { path: 'views', message: `"${'9'.repeat(80)}…" is not a number` },
    ])
  })

  it.each([
    ['bad numbers', '_page=0'],
    ['unknown operators', 'a:b=1'],
    ['bad patterns', 'a_like=('],
  ])('rejects %s on a plain json-server db too', (_, query) => {
    expect(queryFailure(() => parse('posts', query, DB_SCHEMA)).code).toBe('invalid_query')
  })

  it('accepts unknown filter and sort fields on a plain json-server db and a free-form resource', () => {
    expect(() => parse('posts', 'userid=1&_sort=nothing', DB_SCHEMA)).not.toThrow()
    expect(() => parse('notes', 'anything=1&_sort=nothing')).not.toThrow()
  })
})

describe('parseItemQuery', () => {
  const parseItem = (resource: string, query: string) =>
    parseItemQuery(new URLSearchParams(query), spec(resource), SCHEMA)

  it('reads embed, expand and select and ignores everything else', () => {
    expect(
      parseItem('posts', '_embed=comments&_expand=user&_select=id,comments&userid=1&_page=0'),
    ).toEqual({
      embed: [{ name: 'comments', child: 'comments', field: 'postId' }],
      expand: [{ name: 'user', parent: 'users', field: 'userId' }],
      select: ['id', 'comments'],
    })
  })

  it('rejects an unknown embed', () => {
    expect(queryFailure(() => parseItem('posts', '_embed=users')).details).toEqual([
      { path: '_embed', message: 'unknown embed "users" (did you mean "user"?)' },
    ])
  })
})
