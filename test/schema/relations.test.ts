import { describe, expect, it } from 'vitest'
import { expandKey, parentsFirst } from '../../src/schema/relations.ts'
import { issuesOf, schemaOf } from './helpers.ts'

describe('parentsFirst', () => {
  it.each([
    [
      'children declared before parents',
      {
        comments: { fields: { postId: { ref: 'posts' } } },
        posts: { fields: { userId: { ref: 'users' } } },
        users: {},
      },
      ['users', 'posts', 'comments'],
    ],
    [
      'independent resources keep declaration order',
      { b: {}, a: {}, c: { singular: true } },
      ['b', 'a', 'c'],
    ],
    [
      'several parents',
      {
        photos: { fields: { albumId: { ref: 'albums' }, userId: { ref: 'users' } } },
        albums: { fields: { userId: { ref: 'users' } } },
        users: {},
        todos: { fields: { userId: { ref: 'users' } } },
      },
      ['users', 'albums', 'photos', 'todos'],
    ],
    [
      'a self ref does not block its resource',
      { comments: { fields: { parentId: { ref: 'comments', nullable: true } } } },
      ['comments'],
    ],
    [
      'a cycle is broken at its nullable ref',
      {
        teams: { fields: { captainId: { ref: 'players', nullable: true } } },
        players: { fields: { teamId: { ref: 'teams' } } },
      },
      ['teams', 'players'],
    ],
    [
      'a cycle is broken at its optional ref, wherever it is declared',
      {
        players: { fields: { teamId: { ref: 'teams' } } },
        teams: { fields: { captainId: { ref: 'players', optional: true } } },
      },
      ['teams', 'players'],
    ],
  ])('%s', (_, resources, expected) => {
    expect(parentsFirst(schemaOf({ resources }))).toEqual(expected)
  })
})

describe('refCycleIssues through parseSchema', () => {
  it('reports a three-resource cycle once', () => {
    expect(
      issuesOf({
        resources: {
          a: { fields: { bId: { ref: 'b' } } },
          b: { fields: { cId: { ref: 'c' } } },
          c: { fields: { aId: { ref: 'a' } } },
        },
      }),
    ).toEqual([
      {
        path: 'resources.c.fields.aId',
        message:
          'refs form a cycle a -> b -> c -> a: make one of these refs nullable or optional so parents can be generated first',
      },
    ])
  })
})

describe('expandKey', () => {
  it.each([
    ['userId', 'users', 'user'],
    ['user_id', 'users', 'user'],
    ['owner', 'users', 'user'],
    ['category', 'categories', 'category'],
    ['Id', 'boxes', 'box'],
  ])('%s -> %s', (field, parent, expected) => {
    expect(expandKey(field, parent)).toBe(expected)
  })
})
