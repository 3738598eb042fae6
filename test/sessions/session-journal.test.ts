import { describe, expect, it } from 'vitest'
import { SessionStore } from '../../src/store/session-store.ts'
import type { SessionEntry, SessionJournal } from '../../src/store/session-journal.ts'
import { JSONPLACEHOLDER, memoryMock } from '../helpers.ts'

/** Keeps the entries in memory, a reset in place of what came before, as a Worker's storage does. */
function memoryJournal(): SessionJournal & { entries: SessionEntry[] } {
  const entries: SessionEntry[] = []
  return {
    entries,
    append(added) {
      if (added[0]?.op === 'reset') entries.length = 0
      entries.push(...added)
      return Promise.resolve()
    },
  }
}

describe('a session kept in a journal', () => {
  it('is read back as it was left: its rows, cascades included, its size and its next ids', async () => {
    const mock = await memoryMock({ schema: JSONPLACEHOLDER })
    try {
      const startup = mock.store.startup()
      const journal = memoryJournal()
      const session = new SessionStore(startup)
      session.keepIn(journal)
      const heard: string[] = []
      session.onCommit((changes) => heard.push(changes.map((change) => change.op).join()))
      await session.insert('posts', { userId: 1, title: 't', body: 'b' })
      await session.patch('users', 1, { name: 'changed' })
      await session.replace('posts', 101, { userId: 2, title: 'again', body: 'b' })
      await session.remove('posts', 1)
      await session.insert('todos', { id: 500, userId: 1, title: 'chosen', completed: false })
      expect(heard).toEqual([
        'insert',
        'update',
        'update',
        ['delete', ...Array(5).fill('delete')].join(),
        'insert',
      ])

      const read = new SessionStore(startup)
      read.restore(journal.entries)
      expect(read.data()).toEqual(session.data())
      expect([read.size, read.peekNextId('posts'), read.peekNextId('todos')]).toEqual([
        session.size,
        102,
        501,
      ])
      expect(mock.store.get('posts', 101)).toBeUndefined()

      await session.reset()
      expect(journal.entries).toEqual([
        { op: 'reset', next: { posts: 102, users: 11, comments: 501, todos: 501 } },
      ])
      const afterReset = new SessionStore(startup)
      afterReset.restore(journal.entries)
      expect(afterReset.data()).toEqual(mock.store.data())
      expect([afterReset.size, afterReset.peekNextId('posts')]).toEqual([0, 102])
    } finally {
      await mock.close()
    }
  })
})
