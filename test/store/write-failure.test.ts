import { describe, expect, it } from 'vitest'
import { mkdir, rename, rmdir, unlink } from 'node:fs/promises'
import { AppError } from '../../src/errors.ts'
import { NODE_FILE_OPS } from '../../src/store/atomic-write.ts'
import type { FileOps } from '../../src/store/atomic-write.ts'
import { deepCopy, listDir, openStore, readJson, useTempDb } from './fixtures.ts'

/** File operations whose renames wait until the test lets them finish or fail. */
function heldRenames() {
  const held: { finish: () => void; fail: (error: Error) => void }[] = []
  const ops: FileOps = {
    ...NODE_FILE_OPS,
    rename: (from, to) =>
      new Promise<void>((resolve, reject) => {
        held.push({
          finish: () => void rename(from, to).then(resolve, reject),
          fail: reject,
        })
      }),
  }
  const next = async () => {
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve))
    const [first] = held.splice(0, 1)
    if (first === undefined) throw new Error('no rename')
    return first
  }
  return { ops, next }
}

const diskFull = () =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })

describe('a write that fails', () => {
  const temp = useTempDb()

  it('answers unavailable, rolls memory back, and the next write saves everything', async () => {
    const store = await openStore(temp.file)
    const before = deepCopy(store.data())
    // A folder where the file was: the rename fails even for root.
    await unlink(temp.file)
    await mkdir(temp.file)
    const error: unknown = await store.insert('users', { name: 'lost' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'unavailable',
      message: 'The change could not be saved: the path is a folder',
    })
    expect(store.data()).toEqual(before)
    expect(store.get('users', 4)).toBeUndefined()
    expect(await listDir(temp.dir)).toEqual(['db.json'])
    expect(await listDir(temp.file)).toEqual([])

    await rmdir(temp.file)
    const saved = await store.insert('users', { name: 'saved' })
    expect(saved['id']).toBe(5)
    expect(await readJson(temp.file)).toEqual(store.data())
    expect(store.list('users').map((row) => row['name'])).toEqual([
      'user 1',
      'user 2',
      'user 3',
      'saved',
    ])
  })

  it('fails the running write and the waiting one, undoing both', async () => {
    const { ops, next } = heldRenames()
    const opening = openStore(temp.file, { fileOps: ops })
    ;(await next()).finish()
    const store = await opening
    const before = deepCopy(store.data())
    const version = store.version

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
    expect(await readJson(temp.file)).toEqual(before)
    expect(await listDir(temp.dir)).toEqual(['db.json'])

    const later = store.insert('users', { name: 'c' })
    ;(await next()).finish()
    expect(await later).toEqual({ name: 'c', id: 5 })
    expect(await readJson(temp.file)).toEqual(store.data())
  })

  it('keeps changes made after the failure for the next write', async () => {
    const { ops, next } = heldRenames()
    const opening = openStore(temp.file, { fileOps: ops })
    ;(await next()).finish()
    const store = await opening
    const failed = store.insert('users', { name: 'a' }).catch((e: unknown) => e)
    ;(await next()).fail(diskFull())
    expect(await failed).toMatchObject({ code: 'unavailable' })
    const kept = store.insert('tags', { label: 'kept' })
    ;(await next()).finish()
    const row = await kept
    expect(store.list('tags').at(-1)).toBe(row)
    expect(await readJson(temp.file)).toEqual(store.data())
  })

  it('undoes a reset that could not be saved', async () => {
    const { ops, next } = heldRenames()
    const opening = openStore(temp.file, { fileOps: ops })
    ;(await next()).finish()
    const store = await opening
    const inserting = store.insert('users', { name: 'a' })
    ;(await next()).finish()
    await inserting
    const before = deepCopy(store.data())
    const resetting = store.reset()
    ;(await next()).fail(diskFull())
    await expect(resetting).rejects.toMatchObject({ code: 'unavailable' })
    expect(store.data()).toEqual(before)
    expect(store.get('users', 4)).toEqual({ name: 'a', id: 4 })
  })

  it('removes the temp file when writing it fails', async () => {
    const ops: FileOps = {
      ...NODE_FILE_OPS,
      open: async (...args: Parameters<FileOps['open']>) => {
        const handle = await NODE_FILE_OPS.open(...args)
        if (String(args[0]).endsWith('.tmp') && args[1] === 'w') {
          handle.writev = () => Promise.reject(diskFull())
        }
        return handle
      },
    }
    const store = await openStore(temp.file)
    const failing = await openStore(temp.file, { fileOps: ops })
    await expect(failing.insert('users', {})).rejects.toMatchObject({
      message: 'The change could not be saved: the disk is full',
    })
    expect(await listDir(temp.dir)).toEqual(['db.json'])
    expect(await readJson(temp.file)).toEqual(store.data())
  })
})
