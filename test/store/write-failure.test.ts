import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/errors.ts'
import type { FileSystem } from '../../src/node/file-system.ts'
import { NODE_FILE_SYSTEM } from '../../src/node/file-system.ts'
import { deepCopy, durableData, listDir, openStore, useTempDb } from './fixtures.ts'
import { controlledFs, diskFull } from './test-fs.ts'

describe('a write that fails', () => {
  const temp = useTempDb()

  it('answers unavailable, rolls memory back, and the next write saves everything', async () => {
    const { fs, state } = controlledFs()
    const store = await openStore(temp.file, { fs })
    const before = deepCopy(store.data())
    state.failing = diskFull()
    const error: unknown = await store.insert('users', { name: 'lost' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'unavailable',
      message: 'The change could not be saved: the disk is full',
    })
    expect(store.data()).toEqual(before)
    expect(store.get('users', 4)).toBeUndefined()
    expect(await durableData(temp.file)).toEqual(before)

    state.failing = undefined
    const saved = await store.insert('users', { name: 'saved' })
    expect(saved['id']).toBe(5)
    expect(await durableData(temp.file)).toEqual(store.data())
    expect(store.list('users').map((row) => row['name'])).toEqual([
      'user 1',
      'user 2',
      'user 3',
      'saved',
    ])
  })

  it('fails the running write and the changes waiting behind it, undoing all of them', async () => {
    const { fs, state, next } = controlledFs()
    const store = await openStore(temp.file, { fs })
    await store.insert('tags', { label: 'journal started' })
    const before = deepCopy(store.data())
    const version = store.version
    state.holding = true

    const first = store.insert('users', { name: 'a' })
    const running = await next()
    const second = store.remove('users', 2)
    const third = store.patch('posts', 1, { title: 'b' })
    expect(store.get('users', 2)).toBeUndefined()
    running.fail(diskFull())

    const outcomes = await Promise.allSettled([first, second, third])
    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: { code: 'unavailable', message: 'The change could not be saved: the disk is full' },
      })
    }
    expect(store.data()).toEqual(before)
    expect(store.version).toBeGreaterThan(version)
    expect(store.byRef('posts', 'userId', 2).map((row) => row['id'])).toEqual([3, 4])
    expect(store.byRef('comments', 'userId', 2).map((row) => row['id'])).toEqual([1, 2, 7, 8])
    expect(store.get('posts', 1)).toEqual({ id: 1, userId: 1, title: 'post 1' })
    expect(await durableData(temp.file)).toEqual(before)

    const later = store.insert('users', { name: 'c' })
    ;(await next()).finish()
    expect(await later).toEqual({ name: 'c', id: 5 })
    expect(await durableData(temp.file)).toEqual(store.data())
  })

  it('keeps changes made after the failure for the next write', async () => {
    const { fs, state, next } = controlledFs()
    const store = await openStore(temp.file, { fs })
    state.holding = true
    const failed = store.insert('users', { name: 'a' }).catch((e: unknown) => e)
    ;(await next()).fail(diskFull())
    expect(await failed).toMatchObject({ code: 'unavailable' })
    const kept = store.insert('tags', { label: 'kept' })
    while (true) {
      const sync = await Promise.race([next(), kept.then(() => undefined)])
      if (sync === undefined) break
      sync.finish()
    }
    const row = await kept
    expect(store.list('tags').at(-1)).toBe(row)
    expect(await durableData(temp.file)).toEqual(store.data())
  })

  it('undoes a reset that could not be saved', async () => {
    const { fs, state, next } = controlledFs()
    const store = await openStore(temp.file, { fs })
    await store.insert('users', { name: 'a' })
    const before = deepCopy(store.data())
    state.holding = true
    const resetting = store.reset()
    ;(await next()).fail(diskFull())
    await expect(resetting).rejects.toMatchObject({ code: 'unavailable' })
    expect(store.data()).toEqual(before)
    expect(store.get('users', 4)).toEqual({ name: 'a', id: 4 })
    expect(await durableData(temp.file)).toEqual(before)
  })

  it('removes the temp file when writing it fails', async () => {
    let failing = false
    const fs: FileSystem = {
      ...NODE_FILE_SYSTEM,
      async create(path, mode) {
        const handle = await NODE_FILE_SYSTEM.create(path, mode)
        if (!failing || !path.endsWith('.tmp')) return handle
        return { ...handle, write: () => Promise.reject(diskFull()) }
      },
    }
    const store = await openStore(temp.file, { fs })
    await store.insert('users', { name: 'a' })
    failing = true
    await expect(store.reset()).rejects.toMatchObject({
      message: 'The change could not be saved: the disk is full',
    })
    expect(await listDir(temp.dir)).toEqual(['.db.json.journal', 'db.json'])
    expect(await durableData(temp.file)).toEqual(store.data())
  })
})
