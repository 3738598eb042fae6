import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { sameBytes } from '../../src/watch/same-bytes.ts'
import { foldOf, generateAll, openStore, savedOf, useTempDb } from '../store/fixtures.ts'

describe('what the store last saved, for telling its own writes from edits', () => {
  const temp = useTempDb()

  it('is nothing in memory', async () => {
    expect(savedOf(await openStore(':memory:'))).toBeUndefined()
  })

  it('is the file as read, byte for byte, byte order mark and all', async () => {
    await writeFile(temp.file, `\uFEFF${JSON.stringify(generateAll())}`)
    const store = await openStore(temp.file)
    expect(sameBytes(await readFile(temp.file), savedOf(store) ?? [])).toBe(true)
  })

  it('is the file as last written', async () => {
    await writeFile(temp.file, '{"users": [{"id": 1, "name": "a"}],   "posts": []}')
    const store = await openStore(temp.file)
    // The file lacked resources: opening wrote them.
    expect(sameBytes(await readFile(temp.file), savedOf(store) ?? [])).toBe(true)
    await store.insert('users', { name: 'b' })
    await foldOf(store)
    expect(sameBytes(await readFile(temp.file), savedOf(store) ?? [])).toBe(true)
  })

  it('does not follow edits made outside', async () => {
    const store = await openStore(temp.file)
    const before = Buffer.concat([...(savedOf(store) ?? [])])
    await writeFile(temp.file, 'edited outside')
    await store.flush()
    expect(Buffer.concat([...(savedOf(store) ?? [])])).toEqual(before)
  })
})

describe('continueIds', () => {
  const temp = useTempDb()

  it('keeps a reopened store from handing out ids the previous one gave', async () => {
    const first = await openStore(temp.file)
    const created = await first.insert('users', { name: 'short-lived' })
    expect(created['id']).toBe(4)
    await first.remove('users', 4)
    await first.close()

    const second = await openStore(temp.file)
    expect(second.peekNextId('users')).toBe(4)
    second.continueIds(first)
    expect(second.peekNextId('users')).toBe(5)
    expect(second.peekNextId('posts')).toBe(7)
    expect((await second.insert('users', { name: 'next' }))['id']).toBe(5)
  })
})
