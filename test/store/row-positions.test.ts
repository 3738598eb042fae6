import { describe, expect, it } from 'vitest'
import { MemoryPersistence } from '../../src/store/memory-persistence.ts'
import { Store } from '../../src/store/store.ts'
import { SCHEMA, recordingGenerate } from './fixtures.ts'

function open(): Promise<Store> {
  return Store.open({
    schema: SCHEMA,
    persistence: new MemoryPersistence(),
    generate: recordingGenerate().generate,
  })
}

const listed = (store: Store) =>
  store.list('posts').map((row) => `${String(row['id'])}:${String(row['title'])}`)

describe('an update or removal finds its row in the list', () => {
  it('in place after removals before it, and removes the right one', async () => {
    const store = await open()
    await store.remove('posts', 2)
    await store.remove('posts', 3)
    await store.patch('posts', 5, { title: 'five' })
    await store.patch('posts', 4, { title: 'four' })
    await store.patch('posts', 1, { title: 'one' })
    expect(listed(store)).toEqual(['1:one', '4:four', '5:five', '6:post 6'])
    await store.remove('posts', 5)
    expect(listed(store)).toEqual(['1:one', '4:four', '6:post 6'])
    expect(store.byRef('posts', 'userId', 2).map((row) => row['id'])).toEqual([4])
  })

  it('whatever ids clients chose, in any order', async () => {
    const store = await open()
    await store.insert('posts', { id: 100, userId: 1, title: 'a' })
    await store.insert('posts', { id: 50, userId: 1, title: 'b' })
    await store.insert('posts', { id: 7, userId: 1, title: 'c' })
    await store.patch('posts', 50, { title: 'B' })
    await store.patch('posts', 100, { title: 'A' })
    await store.replace('posts', 7, { userId: 2, title: 'C' })
    expect(listed(store)).toEqual([
      '1:post 1',
      '2:post 2',
      '3:post 3',
      '4:post 4',
      '5:post 5',
      '6:post 6',
      '100:A',
      '50:B',
      '7:C',
    ])
    expect(store.byRef('posts', 'userId', 2).map((row) => row['id'])).toEqual([3, 4, 7])
    await store.remove('posts', 50)
    await store.remove('posts', 7)
    expect(listed(store).slice(-2)).toEqual(['6:post 6', '100:A'])
  })

  it('when the first row is not id 1, and after the first row is gone', async () => {
    const store = await open()
    await store.remove('posts', 1)
    await store.patch('posts', 6, { title: 'six' })
    await store.patch('posts', 2, { title: 'two' })
    expect(listed(store)).toEqual(['2:two', '3:post 3', '4:post 4', '5:post 5', '6:six'])
  })
})
