import { describe, expect, it } from 'vitest'
import type { Id, Row } from '../../src/json.ts'
import type { OnDelete, Relation } from '../../src/schema/types.ts'
import { planRemoval } from '../../src/store/remove-plan.ts'

const relation = (child: string, field: string, parent: string, onDelete: OnDelete): Relation => ({
  child,
  field,
  parent,
  onDelete,
  expandAs: '',
})

/** Children found by scanning, good enough for a handful of rows. */
function lookup(data: Record<string, Row[]>) {
  return (child: string, field: string, parentId: Id) =>
    (data[child] ?? []).filter((row) => row[field] === parentId)
}

const ids = (rows: ReadonlySet<Row> | undefined) => [...(rows ?? [])].map((row) => row['id'])

describe('planRemoval', () => {
  it('follows a self-referencing cascade through a cycle once', () => {
    const people: Row[] = [
      { id: 1, bossId: 3 },
      { id: 2, bossId: 1 },
      { id: 3, bossId: 2 },
      { id: 4, bossId: null },
    ]
    const relations = [relation('people', 'bossId', 'people', 'cascade')]
    const plan = planRemoval('people', people[0] ?? {}, relations, lookup({ people }))
    expect(ids(plan.removed.get('people'))).toEqual([1, 2, 3])
    expect(plan.blocked).toEqual([])
  })

  it('nullifies every field of a surviving row that pointed at a removed one', () => {
    const users: Row[] = [{ id: 1 }]
    const messages: Row[] = [
      { id: 1, fromId: 1, toId: 1 },
      { id: 2, fromId: 2, toId: 1 },
    ]
    const relations = [
      relation('messages', 'fromId', 'users', 'nullify'),
      relation('messages', 'toId', 'users', 'nullify'),
    ]
    const plan = planRemoval('users', users[0] ?? {}, relations, lookup({ users, messages }))
    const nulled = plan.nullified.get('messages')
    expect([...(nulled ?? [])].map(([row, fields]) => [row['id'], fields])).toEqual([
      [1, ['fromId', 'toId']],
      [2, ['toId']],
    ])
  })

  it('does not let restrict block on a child the same deletion removes', () => {
    const users: Row[] = [{ id: 1 }]
    const posts: Row[] = [{ id: 1, userId: 1 }]
    const comments: Row[] = [{ id: 1, postId: 1, userId: 1 }]
    const relations = [
      relation('posts', 'userId', 'users', 'cascade'),
      relation('comments', 'postId', 'posts', 'cascade'),
      relation('comments', 'userId', 'users', 'restrict'),
    ]
    const plan = planRemoval('users', users[0] ?? {}, relations, lookup({ users, posts, comments }))
    expect(plan.blocked).toEqual([])
    expect(ids(plan.removed.get('comments'))).toEqual([1])
  })

  it('names at most ten ids of the rows that block', () => {
    const tags: Row[] = [{ id: 'a' }]
    const items: Row[] = Array.from({ length: 12 }, (_, n) => ({ id: n + 1, tagId: 'a' }))
    const relations = [relation('items', 'tagId', 'tags', 'restrict')]
    const plan = planRemoval('tags', tags[0] ?? {}, relations, lookup({ tags, items }))
    expect(plan.blocked).toEqual([
      {
        path: 'items.tagId',
        message:
          'items 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more refer to tags "a" (onDelete: restrict)',
      },
    ])
  })
})
