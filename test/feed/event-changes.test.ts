import { describe, expect, it } from 'vitest'
import { eventChanges } from '../../src/feed/event-changes.ts'
import type { Change } from '../../src/store/change.ts'

const idKeyOf = (resource: string): string => (resource === 'tags' ? 'slug' : 'id')

describe('eventChanges', () => {
  it('tells a commit as the feed sends it, in order, with what came before', () => {
    const changes: Change[] = [
      { op: 'insert', resource: 'tags', row: { slug: 'new', name: 'New' } },
      { op: 'delete', resource: 'users', id: 1, previous: { id: 1, name: 'A' } },
      {
        op: 'update',
        resource: 'posts',
        row: { id: 4, userId: null },
        previous: { id: 4, userId: 1 },
      },
      { op: 'set', resource: 'profile', value: { name: 'b' }, previous: { name: 'a' } },
      { op: 'set', resource: 'notes', value: [{ text: 'no id' }] },
    ]
    expect(eventChanges(changes, undefined, idKeyOf)).toEqual([
      { type: 'created', resource: 'tags', id: 'new', item: { slug: 'new', name: 'New' } },
      { type: 'deleted', resource: 'users', id: 1, item: null, previous: { id: 1, name: 'A' } },
      {
        type: 'updated',
        resource: 'posts',
        id: 4,
        item: { id: 4, userId: null },
        previous: { id: 4, userId: 1 },
      },
      {
        type: 'updated',
        resource: 'profile',
        id: null,
        item: { name: 'b' },
        previous: { name: 'a' },
      },
      { type: 'reset', reason: 'reset' },
    ])
  })

  it('is one reset event for a reset or a reload, whatever it changed', () => {
    const changes: Change[] = [
      { op: 'set', resource: 'posts', value: [] },
      { op: 'drop', resource: 'old' },
    ]
    expect(eventChanges(changes, 'reload', idKeyOf)).toEqual([{ type: 'reset', reason: 'reload' }])
    expect(eventChanges([], 'reset', idKeyOf)).toEqual([{ type: 'reset', reason: 'reset' }])
  })
})
