import { beforeEach, describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Row } from '../../src/json.ts'
import {
  deepCopy,
  foldOf,
  generateAll,
  openStore,
  readJson,
  useTempDb,
  writesOf,
} from './fixtures.ts'
import { controlledFs, diskFull } from './test-fs.ts'

const BIG: Row[] = Array.from({ length: 5000 }, (_, n) => ({
  id: n + 1,
  postId: (n % 6) + 1,
  userId: 1,
  body: `comment "${n}" \\ {[ \u00e9\u4e2d ]}`,
}))

/** A file whose comments are minified: re-serialising them would show as pretty-printed text. */
function fileText(): string {
  const { comments: _comments, ...rest } = generateAll()
  const pretty = JSON.stringify(rest, null, 2)
  return `${pretty.slice(0, -2)},\n  "comments": ${JSON.stringify(BIG)}\n}\n`
}

describe('persist cost', () => {
  const temp = useTempDb()
  beforeEach(() => writeFile(temp.file, fileText()))

  it('copies an untouched resource from the file instead of serialising it again', async () => {
    const store = await openStore(temp.file)
    expect(writesOf(store)).toBe(0)
    await store.insert('users', { name: 'new' })
    await store.patch('posts', 1, { title: 'x' })
    await foldOf(store)
    const text = await readFile(temp.file, 'utf8')
    expect(text).toContain(`"comments": ${JSON.stringify(BIG)}\n}\n`)
    expect(text).toContain(`"users": [\n    {\n      "id": 1,\n      "name": "user 1"\n    },`)
    expect(JSON.parse(text)).toEqual(store.data())
  })

  it('serialises a resource again once it changed', async () => {
    const store = await openStore(temp.file)
    await store.patch('comments', 2, { body: 'changed' })
    await foldOf(store)
    const text = await readFile(temp.file, 'utf8')
    expect(text).toContain(`"comments": [\n    {\n      "id": 1,\n      "postId": 1,`)
    expect(JSON.parse(text)).toEqual(store.data())
  })

  it('appends only the changed row to the journal and leaves the database file alone', async () => {
    const store = await openStore(temp.file)
    const file = await readFile(temp.file)
    await store.patch('comments', 2, { body: 'changed' })
    await store.insert('users', { name: 'new' })
    expect(await readFile(temp.file)).toEqual(file)
    const journal = await readFile(join(temp.dir, '.db.json.journal'), 'utf8')
    const lines = journal
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line.slice(9)))
    expect(lines.slice(1)).toEqual([
      { op: 'update', resource: 'comments', row: { ...BIG[1], body: 'changed' } },
      { op: 'insert', resource: 'users', row: { name: 'new', id: 4 } },
    ])
    expect(journal.length).toBeLessThan(400)
    expect(writesOf(store)).toBe(2)
  })

  it('writes the startup data back on reset', async () => {
    const store = await openStore(temp.file)
    const start = deepCopy(store.data())
    await store.remove('posts', 1)
    await store.reset()
    expect(await readJson(temp.file)).toEqual(start)
    expect(store.list('comments')).toEqual(BIG)
  })

  it('rolls a failed cascade back in memory, rows and indices', async () => {
    const { fs, state } = controlledFs()
    const store = await openStore(temp.file, { fs })
    const before = deepCopy(store.data())
    state.failing = diskFull()
    await expect(store.remove('posts', 1)).rejects.toMatchObject({ code: 'unavailable' })
    expect(store.data()).toEqual(before)
    expect(store.byRef('comments', 'postId', 1)).toHaveLength(834)
    state.failing = undefined
    await store.insert('users', {})
    await foldOf(store)
    expect(await readJson(temp.file)).toEqual(store.data())
  })
})
