import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors.ts'
import type { Data, Row } from '../../src/json.ts'
import type { Store } from '../../src/store/store.ts'
import { deepCopy, generateAll } from './fixtures.ts'

export type StoreHarness = {
  /** A fresh store over generateAll(). */
  open(): Promise<Store>
  /** What the persistence layer holds now (the parsed file, or the data itself in memory). */
  onDisk(store: Store): Promise<unknown>
  /** Completed durable writes so far. */
  writes(store: Store): number
}

const ids = (rows: readonly Row[]) => rows.map((row) => row['id'])

/** Behaviour every store has, whatever holds its data. */
export function runStoreContract(harness: StoreHarness): void {
  /** After a write: the file holds exactly what memory holds. */
  async function persisted(store: Store): Promise<void> {
    expect(await harness.onDisk(store)).toEqual(store.data())
  }

  describe('reading', () => {
    it('serves the generated data through list, get, byRef and single', async () => {
      const store = await harness.open()
      const data = generateAll()
      expect(store.data()).toEqual(data)
      expect(store.list('posts')).toEqual(data['posts'])
      expect(store.get('posts', 3)).toEqual({ id: 3, userId: 2, title: 'post 3' })
      expect(store.get('posts', '3')).toBe(store.get('posts', 3))
      expect(store.get('posts', 99)).toBeUndefined()
      expect(ids(store.byRef('posts', 'userId', 2))).toEqual([3, 4])
      expect(ids(store.byRef('comments', 'userId', '1'))).toEqual([5, 6, 11, 12])
      expect(store.byRef('posts', 'userId', 42)).toEqual([])
      expect(store.single('profile')).toEqual({ name: 'fauxrest' })
      expect(() => store.list('profile')).toThrow('profile is not a plural resource')
      expect(() => store.list('nope')).toThrow('nope is not a plural resource')
    })
  })

  describe('insert', () => {
    it('appends body keys then the next id, as JSONPlaceholder answers a POST', async () => {
      const store = await harness.open()
      const before = store.version
      const row = await store.insert('posts', { userId: 1, title: 't', completed: false })
      expect(Object.entries(row)).toEqual([
        ['userId', 1],
        ['title', 't'],
        ['completed', false],
        ['id', 7],
      ])
      expect(store.get('posts', 7)).toBe(row)
      expect(store.list('posts').at(-1)).toBe(row)
      expect(ids(store.byRef('posts', 'userId', 1))).toEqual([1, 2, 7])
      expect(store.version).toBeGreaterThan(before)
      await persisted(store)
    })

    it('keeps a client id and the body order, and later ids stay above it', async () => {
      const store = await harness.open()
      const row = await store.insert('posts', { title: 'mine', id: 50, userId: 3 })
      expect(Object.keys(row)).toEqual(['title', 'id', 'userId'])
      expect(store.get('posts', 50)).toBe(row)
      expect((await store.insert('posts', { title: 'next' }))['id']).toBe(51)
      await persisted(store)
    })

    it('does not keep the caller object', async () => {
      const store = await harness.open()
      const body = { title: 'x', userId: 1 }
      const row = await store.insert('posts', body)
      expect(row).not.toBe(body)
      expect(body).toEqual({ title: 'x', userId: 1 })
    })

    it.each([
      ['tags', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/],
      ['notes', /^[A-Za-z0-9_-]{21}$/],
    ])('gives %s random ids of the right form', async (resource, form) => {
      const store = await harness.open()
      const peeked = store.peekNextId(resource)
      expect(store.peekNextId(resource)).toBe(peeked)
      const first = await store.insert(resource, { label: 'x' })
      const second = await store.insert(resource, { label: 'y' })
      expect(first['id']).toBe(peeked)
      expect(String(first['id'])).toMatch(form)
      expect(String(second['id'])).toMatch(form)
      expect(second['id']).not.toBe(first['id'])
      await persisted(store)
    })

    it('peekNextId does not use the integer id up', async () => {
      const store = await harness.open()
      expect(store.peekNextId('users')).toBe(4)
      expect(store.peekNextId('users')).toBe(4)
      expect((await store.insert('users', { name: 'n' }))['id']).toBe(4)
      expect(store.peekNextId('users')).toBe(5)
    })
  })

  describe('replace and patch', () => {
    it('replace stores body keys then the kept id, in a new object', async () => {
      const store = await harness.open()
      const old = store.get('posts', 2)
      const row = await store.replace('posts', 2, { title: 'new', id: 99, userId: 3, extra: true })
      expect(Object.entries(row ?? {})).toEqual([
        ['title', 'new'],
        ['userId', 3],
        ['extra', true],
        ['id', 2],
      ])
      expect(row).not.toBe(old)
      expect(old).toEqual({ id: 2, userId: 1, title: 'post 2' })
      expect(store.get('posts', 2)).toBe(row)
      expect(store.list('posts')[1]).toBe(row)
      expect(store.get('posts', 99)).toBeUndefined()
      expect(ids(store.byRef('posts', 'userId', 1))).toEqual([1])
      expect(ids(store.byRef('posts', 'userId', 3))).toEqual([2, 5, 6])
      expect(await store.replace('posts', 404, { title: 'x' })).toBeUndefined()
      await persisted(store)
    })

    it('patch merges shallowly: existing order kept, new keys last, id kept', async () => {
      const store = await harness.open()
      const old = store.get('posts', 4)
      const row = await store.patch('posts', '4', { tags: ['a'], title: 'patched', id: 7 })
      expect(Object.entries(row ?? {})).toEqual([
        ['id', 4],
        ['userId', 2],
        ['title', 'patched'],
        ['tags', ['a']],
      ])
      expect(old).toEqual({ id: 4, userId: 2, title: 'post 4' })
      expect(store.get('posts', 4)).toBe(row)
      expect(store.byRef('posts', 'userId', 2)[1]).toBe(row)
      expect(await store.patch('posts', 404, { title: 'x' })).toBeUndefined()
      await persisted(store)
    })

    it('moving a row to another parent keeps byRef in list order', async () => {
      const store = await harness.open()
      await store.patch('posts', 5, { userId: 1 })
      await store.patch('posts', 1, { userId: 3 })
      await store.insert('posts', { userId: 1 })
      expect(ids(store.byRef('posts', 'userId', 1))).toEqual([2, 5, 7])
      expect(ids(store.byRef('posts', 'userId', 3))).toEqual([1, 6])
      await store.patch('posts', 2, { userId: null })
      expect(ids(store.byRef('posts', 'userId', 1))).toEqual([5, 7])
      await store.patch('posts', 2, { userId: 3 })
      expect(ids(store.byRef('posts', 'userId', 3))).toEqual([1, 2, 6])
      await persisted(store)
    })

    it('setSingle replaces the singular resource', async () => {
      const store = await harness.open()
      const value = { name: 'new', theme: 'dark' }
      const stored = await store.setSingle('profile', value)
      expect(stored).toEqual(value)
      expect(store.single('profile')).toBe(stored)
      await persisted(store)
    })
  })

  describe('remove', () => {
    it('removes a row and never hands its id out again', async () => {
      const store = await harness.open()
      const row = store.get('products', 1)
      expect(await store.remove('products', 1)).toBe(row)
      expect(store.get('products', 1)).toBeUndefined()
      expect(store.list('products')).toEqual([])
      expect(await store.remove('products', 1)).toBeUndefined()
      expect((await store.insert('products', { name: 'p' }))['id']).toBe(2)
      await persisted(store)
    })

    it('cascades to any depth and nullifies surviving references', async () => {
      const store = await harness.open()
      await store.remove('likes', 1)
      await store.remove('users', 3)
      expect(ids(store.list('users'))).toEqual([1, 2])
      expect(ids(store.list('posts'))).toEqual([1, 2, 3, 4])
      expect(ids(store.list('comments'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
      // comments 3 and 4 (on post 2) were written by user 3: their author is gone
      expect(store.list('comments').filter((row) => row['userId'] === null)).toEqual([
        { id: 3, postId: 2, userId: null, body: 'c3' },
        { id: 4, postId: 2, userId: null, body: 'c4' },
      ])
      expect(store.byRef('comments', 'userId', 3)).toEqual([])
      expect(store.byRef('comments', 'postId', 5)).toEqual([])
      expect(ids(store.byRef('comments', 'postId', 2))).toEqual([3, 4])
      await persisted(store)
    })

    it.each([
      ['products', 'categories', 1, 'products.categoryId', 'products 1 refer to categories 1'],
      ['likes', 'users', 3, 'likes.postId', 'likes 1 refer to posts 6'],
      ['likes', 'posts', 6, 'likes.postId', 'likes 1 refer to posts 6'],
    ])('restrict (%s) blocks deleting %s %s and changes nothing', async (...args) => {
      const [, resource, id, path, message] = args
      const store = await harness.open()
      const before = deepCopy(store.data())
      const version = store.version
      const error: unknown = await store.remove(resource, id).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(AppError)
      expect(error).toMatchObject({
        code: 'conflict',
        message: `Cannot delete ${resource} ${id}: restricted by ${path}.`,
        details: [{ path, message: `${message} (onDelete: restrict)` }],
      })
      expect(store.data()).toEqual(before)
      expect(store.version).toBe(version)
      expect(ids(store.byRef('posts', 'userId', 3))).toEqual([5, 6])
      await persisted(store)
    })

    it('deletes a parent nothing refers to, even under restrict', async () => {
      const store = await harness.open()
      expect(await store.remove('categories', 2)).toEqual({ id: 2, name: 'empty' })
      await persisted(store)
    })
  })

  describe('reset and replaceAll', () => {
    it('reset restores the data at open, and ids stay unused', async () => {
      const store = await harness.open()
      await store.insert('users', { name: 'four' })
      await store.remove('users', 1)
      await store.patch('posts', 6, { userId: 1 })
      await store.setSingle('profile', { name: 'changed' })
      const version = store.version
      await store.reset()
      expect(store.data()).toEqual(generateAll())
      expect(store.version).toBeGreaterThan(version)
      expect(ids(store.byRef('posts', 'userId', 1))).toEqual([1, 2])
      expect(ids(store.byRef('comments', 'userId', 1))).toEqual([5, 6, 11, 12])
      expect((await store.insert('users', { name: 'five' }))['id']).toBe(5)
      await persisted(store)
      await store.reset()
      expect(store.data()).toEqual(generateAll())
      await persisted(store)
    })

    it('reset parses again only what changed, and does nothing when nothing did', async () => {
      const store = await harness.open()
      const version = store.version
      const writes = harness.writes(store)
      await store.reset()
      expect(store.version).toBe(version)
      expect(harness.writes(store)).toBe(writes)
      const users = store.list('users')
      const posts = store.list('posts')
      await store.insert('posts', { title: 'x' })
      await store.reset()
      expect(store.list('users')).toBe(users)
      expect(store.list('posts')).not.toBe(posts)
      expect(store.list('posts')).toEqual(generateAll()['posts'])
      expect(store.data()).toEqual(generateAll())
      await persisted(store)
    })

    it('replaceAll refuses data with repeated ids and changes nothing', async () => {
      const store = await harness.open()
      const next: Data = { ...generateAll(), users: [{ id: 1 }, { id: '1' }] }
      await expect(store.replaceAll(next)).rejects.toThrow(
        'invalid database: users[1] has the id "1" of users[0]',
      )
      expect(store.data()).toEqual(generateAll())
    })

    it('replaceAll swaps the data in, generating what it lacks, and leaves its argument alone', async () => {
      const store = await harness.open()
      const next: Data = { ...generateAll(), users: [{ id: 10, name: 'ten' }], posts: [] }
      delete next['likes']
      await store.replaceAll(next)
      // The caller's object is left as it was: the generated resource goes into the store's copy.
      expect(Object.keys(next)).not.toContain('likes')
      expect(store.data()).toEqual({ ...next, likes: generateAll()['likes'] })
      expect(store.get('users', 10)).toEqual({ id: 10, name: 'ten' })
      expect(store.byRef('posts', 'userId', 1)).toEqual([])
      expect((await store.insert('users', {}))['id']).toBe(11)
      await persisted(store)
    })
  })

  describe('concurrency and lifecycle', () => {
    it('shares file writes among 100 concurrent inserts', async () => {
      const store = await harness.open()
      const writes = harness.writes(store)
      const rows = await Promise.all(
        Array.from({ length: 100 }, (_, n) =>
          store.insert('comments', { postId: 1, body: `${n}` }),
        ),
      )
      const created = rows.map((row) => row['id'])
      expect(new Set(created).size).toBe(100)
      expect(created).toEqual(Array.from({ length: 100 }, (_, n) => 13 + n))
      expect(harness.writes(store) - writes).toBeLessThan(10)
      expect(store.byRef('comments', 'postId', 1)).toHaveLength(102)
      await persisted(store)
    })

    it('close waits for pending changes, then refuses writes', async () => {
      const store = await harness.open()
      const pending = store.insert('users', { name: 'late' })
      await store.close()
      await expect(pending).resolves.toMatchObject({ id: 4 })
      await persisted(store)
      await expect(store.insert('users', {})).rejects.toMatchObject({ code: 'unavailable' })
      expect(store.list('users')).toHaveLength(4)
    })
  })
}
