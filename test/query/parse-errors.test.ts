import { describe, expect, it } from 'vitest'
import { parseListQuery } from '../../src/query/parse-query.ts'
import { DB_SCHEMA, SCHEMA, queryFailure, spec } from './fixture.ts'

const parse = (resource: string, query: string, schema = SCHEMA) =>
  parseListQuery(new URLSearchParams(query), spec(resource, schema), schema)

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
