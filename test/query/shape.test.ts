import { describe, expect, it } from 'vitest'
import type { Row } from '../../src/json.ts'
import { parseItemQuery, parseListQuery } from '../../src/query/parse-query.ts'
import { runListQuery, shapeItem } from '../../src/query/run-query.ts'
import { DATA, DB_SCHEMA, SCHEMA, item, list, memoryLookups, spec } from './fixture.ts'

const rows = (name: string): readonly Row[] => DATA[name] ?? []
const byId = (name: string, id: number): Row | undefined =>
  rows(name).find((row) => row['id'] === id)
const childrenOf = (name: string, field: string, id: number) =>
  rows(name).filter((row) => row[field] === id)

describe('_embed and _expand on lists', () => {
  it('embeds the children of every row', () => {
    expect(list('posts', '_embed=comments').body).toEqual(
      rows('posts').map((post) => ({
        ...post,
        comments: childrenOf('comments', 'postId', Number(post['id'])),
      })),
    )
  })

  it('embeds several children, comma-separated or repeated', () => {
    const expected = rows('users').map((user) => ({
      ...user,
      posts: childrenOf('posts', 'userId', Number(user['id'])),
      todos: childrenOf('todos', 'userId', Number(user['id'])),
    }))
    expect(list('users', '_embed=posts,todos').body).toEqual(expected)
    expect(list('users', '_embed=posts&_embed=todos').body).toEqual(expected)
  })

  it('expands the parent of every row', () => {
    expect(list('comments', '_expand=post').body).toEqual(
      rows('comments').map((comment) => ({
        ...comment,
        post: byId('posts', Number(comment['postId'])),
      })),
    )
  })

  it('embeds a parent by its singular name, as json-server 1.0 does', () => {
    expect(list('comments', '_embed=post').body).toEqual(list('comments', '_expand=post').body)
  })

  it('selects after embedding and expanding', () => {
    expect(
      list('posts', 'userId=2&_embed=comments&_expand=user&_select=id,comments,user').body,
    ).toEqual([
      { id: 4, comments: [byId('comments', 6)], user: byId('users', 2) },
      { id: 5, comments: [], user: byId('users', 2) },
    ])
  })

  it('embeds through the relations of a plain json-server db', () => {
    expect(list('posts', 'id=2&_embed=comments', { schema: DB_SCHEMA }).body).toEqual([
      { ...byId('posts', 2), comments: childrenOf('comments', 'postId', 2) },
    ])
  })

  it('leaves the parent out when it does not exist or the reference is null', () => {
    const data = {
      users: [{ id: 1, name: 'A' }],
      posts: [
        { id: 1, userId: 99, title: 'dangling' },
        { id: 2, userId: null, title: 'orphan' },
        { id: 3, userId: 1, title: 'ok' },
      ],
    }
    const query = parseListQuery(new URLSearchParams('_expand=user'), spec('posts'), SCHEMA)
    expect(runListQuery(query, { resource: 'posts' }, memoryLookups(data)).body).toEqual([
      { id: 1, userId: 99, title: 'dangling' },
      { id: 2, userId: null, title: 'orphan' },
      { id: 3, userId: 1, title: 'ok', user: { id: 1, name: 'A' } },
    ])
  })
})

describe('_embed, _expand and _select on items', () => {
  it.each([
    [
      'posts',
      1,
      '_embed=comments',
      { ...byId('posts', 1), comments: childrenOf('comments', 'postId', 1) },
    ],
    ['posts', 1, '_expand=user', { ...byId('posts', 1), user: byId('users', 1) }],
    ['comments', 6, '_expand=post', { ...byId('comments', 6), post: byId('posts', 4) }],
    ['posts', 1, '_select=id,title', { id: 1, title: 'sunt aut facere repellat' }],
    [
      'users',
      3,
      '_embed=posts&_select=name,posts',
      { name: 'Clementine Bauch', posts: [byId('posts', 6)] },
    ],
    ['posts', 1, 'userId=2&_page=9', byId('posts', 1)],
  ])('%s/%s?%s', (resource, id, query, expected) => {
    expect(item(resource, id, query)).toEqual(expected)
  })

  it('keeps the row key order under _select', () => {
    expect(Object.keys(item('posts', 1, '_select=title,id,userId'))).toEqual([
      'userId',
      'id',
      'title',
    ])
  })

  it('builds a new object and leaves the stored row as it was', () => {
    const row = byId('posts', 1)
    const before = structuredClone(row)
    const shaped = item('posts', 1, '_embed=comments&_expand=user')
    expect(shaped).not.toBe(row)
    expect(row).toEqual(before)
  })

  it('returns the row itself when there is nothing to shape', () => {
    const row = byId('posts', 2)
    if (row === undefined) throw new Error('fixture')
    const query = parseItemQuery(new URLSearchParams(''), spec('posts'), SCHEMA)
    expect(shapeItem(row, query, spec('posts'), SCHEMA, memoryLookups())).toBe(row)
  })
})
