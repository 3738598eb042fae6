import { describe, expect, it } from 'vitest'
import type { Row } from '../../src/json.ts'
import { parseListQuery } from '../../src/query/parse-query.ts'
import { runListQuery } from '../../src/query/run-query.ts'
import { DATA, DB_SCHEMA, SCHEMA, ids, list, memoryLookups, queryFailure, spec } from './fixture.ts'

const run = (name: string, query: string, data: Record<string, readonly Row[]>) =>
  runListQuery(
    parseListQuery(new URLSearchParams(query), spec(name), SCHEMA),
    { resource: name },
    memoryLookups(data),
  )

describe('prototype pollution', () => {
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).toSorted()

  it.each([
    '__proto__.polluted=1',
    'constructor.prototype.polluted=1',
    '__proto__[polluted]=1',
    'a.__proto__.polluted_like=x',
    '_sort=__proto__.polluted',
    '_sort=constructor,prototype',
    '_select=__proto__,constructor,prototype',
    'q=__proto__',
    '__proto__:in=a,b',
  ])('notes?%s neither reads nor writes Object.prototype', (query) => {
    const result = list('notes', query)
    expect(Array.isArray(result.body)).toBe(true)
    expect(Object.getOwnPropertyNames(Object.prototype).toSorted()).toEqual(prototypeKeys)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it.each([
    '__proto__=1',
    'constructor=1',
    'prototype=1',
    '_sort=__proto__',
    '_select=constructor',
    '_embed=__proto__',
  ])('posts?%s is a 400 on a resource with fields', (query) => {
    expect(queryFailure(() => list('posts', query)).code).toBe('invalid_query')
  })

  it('keeps an own "__proto__" key of a row as plain data', () => {
    const row: Row = JSON.parse('{"id":1,"postId":1,"__proto__":{"polluted":true}}') as Row
    const data = { posts: [{ id: 1, userId: 1 }], comments: [row] }
    const embedded = run('posts', '_embed=comments', data).body
    expect(JSON.stringify(embedded)).toBe(
      '[{"id":1,"userId":1,"comments":[{"id":1,"postId":1,"__proto__":{"polluted":true}}]}]',
    )
    const notes = { notes: [row] }
    const expanded = runListQuery(
      parseListQuery(new URLSearchParams('_select=id,__proto__'), spec('notes'), SCHEMA),
      { resource: 'notes' },
      memoryLookups(notes),
    ).body
    expect(expanded).toEqual([{ id: 1 }])
    expect(
      ids(
        runListQuery(
          parseListQuery(new URLSearchParams('__proto__.polluted=true'), spec('notes'), SCHEMA),
          { resource: 'notes' },
          memoryLookups(notes),
        ).body,
      ),
    ).toEqual([])
  })

  it('gives a shaped row with an own "__proto__" key the ordinary prototype', () => {
    const row: Row = JSON.parse('{"id":1,"userId":1,"__proto__":{"polluted":true}}') as Row
    const [shaped] = run('posts', '_expand=user', { posts: [row], users: [{ id: 1 }] })
      .body as Row[]
    expect(Object.getPrototypeOf(shaped)).toBe(Object.prototype)
    expect(Object.hasOwn(shaped ?? {}, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

describe('regular expressions', () => {
  const evil = {
    posts: [
      { id: 1, userId: 1, title: `${'a'.repeat(50_000)}b` },
      { id: 2, userId: 1, title: 'aaa' },
    ],
  }

  it.each([
    ['^(a+)+$', [2]],
    ['(a|aa)+$', [2]],
    ['(x+x+)+y', []],
    ['^(a|a?)+b$', [1]],
  ])('title_like=%s runs in linear time', (pattern, expected) => {
    expect(ids(run('posts', `title_like=${encodeURIComponent(pattern)}`, evil).body)).toEqual(
      expected,
    )
  })

  it('compiles a pattern once, not for the check, the run, every row or a repeated query', async () => {
    const { RE2JS } = await import('re2js')
    const compile = RE2JS.compile
    let calls = 0
    RE2JS.compile = (...args: Parameters<typeof compile>) => {
      calls++
      return compile(...args)
    }
    try {
      // A pattern no other test uses, so no earlier query compiled it.
      const params = new URLSearchParams('title_like=compiled-once-[a-z]*')
      for (let round = 0; round < 2; round++) {
        const query = parseListQuery(params, spec('posts'), SCHEMA)
        runListQuery(query, { resource: 'posts' }, memoryLookups())
      }
      expect(calls).toBe(1)
    } finally {
      RE2JS.compile = compile
    }
  })
})

describe('indexes', () => {
  const strict = () => memoryLookups(DATA, { forbidScan: true })

  it.each<[string, string, { field: string; value: string } | undefined, number[], string[]]>([
    ['comments', 'postId=1', undefined, [1, 2, 3], ['byRef comments postId 1']],
    ['comments', 'postId=1&name_like=^o', undefined, [3], ['byRef comments postId 1']],
    ['comments', 'postId:eq=2&_sort=-id', undefined, [5, 4], ['byRef comments postId 2']],
    ['comments', '', { field: 'postId', value: '1' }, [1, 2, 3], ['byRef comments postId 1']],
    [
      'comments',
      'id=2',
      { field: 'postId', value: '1' },
      [2],
      ['byRef comments postId 1', 'byId comments 2'],
    ],
    [
      'comments',
      'postId=4',
      { field: 'postId', value: '1' },
      [],
      ['byRef comments postId 1', 'byRef comments postId 4'],
    ],
    ['posts', 'id=3', undefined, [3], ['byId posts 3']],
    ['posts', 'id=99', undefined, [], ['byId posts 99']],
    ['posts', 'userId=2&_page=1&_limit=1', undefined, [4], ['byRef posts userId 2']],
    [
      'posts',
      'userId=3&_embed=comments&_expand=user',
      undefined,
      [6],
      ['byRef posts userId 3', 'byRef comments postId 6', 'byId users 3'],
    ],
  ])('%s?%s under %o reads only the index', (resource, query, scope, expected, calls) => {
    const lookups = strict()
    expect(ids(list(resource, query, { scope, lookups }).body)).toEqual(expected)
    expect(lookups.calls).toEqual(calls)
  })

  it('uses the index on a plain json-server db when the field is present', () => {
    const lookups = strict()
    expect(ids(list('comments', 'postId=2', { schema: DB_SCHEMA, lookups }).body)).toEqual([4, 5])
    expect(lookups.calls).toEqual(['byRef comments postId 2'])
  })

  it('scans when no index applies', () => {
    expect(() => list('comments', 'postId=1&postId=2', { lookups: strict() })).toThrow(
      'full scan of comments',
    )
  })
})

describe('stored rows', () => {
  it('are never mutated by any query', () => {
    const before = structuredClone(DATA)
    for (const query of [
      '_embed=comments&_expand=user&_select=id',
      '_sort=-views&_page=2&_limit=2',
      'q=a&title_like=e',
    ]) {
      list('posts', query)
    }
    expect(DATA).toEqual(before)
  })
})
