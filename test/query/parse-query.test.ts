import { describe, expect, it } from 'vitest'
import { parseItemQuery, parseListQuery } from '../../src/query/parse-query.ts'
import { SCHEMA, queryFailure, spec } from './fixture.ts'

const parse = (resource: string, query: string, schema = SCHEMA) =>
  parseListQuery(new URLSearchParams(query), spec(resource, schema), schema)

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
