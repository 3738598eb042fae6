import { describe, expect, it } from 'vitest'
import { expandKey } from '../../src/schema/relations.ts'
import { issuesOf } from './helpers.ts'

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
