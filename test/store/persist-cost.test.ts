import { beforeEach, describe, expect, it } from 'vitest'
import { mkdir, readFile, rmdir, unlink, writeFile } from 'node:fs/promises'
import type { Row } from '../../src/json.ts'
import { DbFileAdapter } from '../../src/store/db-file-adapter.ts'
import { deepCopy, generateAll, openStore, readJson, useTempDb } from './fixtures.ts'

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
    expect(store.writes).toBe(0)
    await store.insert('users', { name: 'new' })
    await store.patch('posts', 1, { title: 'x' })
    const text = await readFile(temp.file, 'utf8')
    expect(text).toContain(`"comments": ${JSON.stringify(BIG)}\n}\n`)
    expect(text).toContain(`"users": [\n    {\n      "id": 1,\n      "name": "user 1"\n    },`)
    expect(JSON.parse(text)).toEqual(store.data())
  })

  it('serialises a resource again once it changed', async () => {
    const store = await openStore(temp.file)
    await store.patch('comments', 2, { body: 'changed' })
    const text = await readFile(temp.file, 'utf8')
    expect(text).toContain(`"comments": [\n    {\n      "id": 1,\n      "postId": 1,`)
    expect(JSON.parse(text)).toEqual(store.data())
  })

  it('counts serialised resources in the adapter: only the touched ones', async () => {
    const adapter = new DbFileAdapter(temp.file, 'db.json')
    const data = await adapter.read()
    expect(data).not.toBeNull()
    const users = data?.['users']
    if (!Array.isArray(users)) throw new Error('no users')
    users.push({ id: 4 })
    adapter.touch('users')
    await adapter.write(data ?? {})
    expect(adapter.serialized).toBe(1)
    expect(adapter.writes).toBe(1)
    adapter.touch('posts')
    adapter.touch('users')
    await adapter.write(data ?? {})
    expect(adapter.serialized).toBe(3)
    expect(await readJson(temp.file)).toEqual(data)
  })

  it('writes the startup text back on reset without serialising', async () => {
    const store = await openStore(temp.file)
    await store.remove('posts', 1)
    await store.reset()
    expect(await readFile(temp.file, 'utf8')).toContain(`"comments": ${JSON.stringify(BIG)}\n}\n`)
    expect(store.list('comments')).toEqual(BIG)
  })

  it('rolls back from the text read at open', async () => {
    const store = await openStore(temp.file)
    const before = deepCopy(store.data())
    await unlink(temp.file)
    await mkdir(temp.file)
    await expect(store.remove('posts', 1)).rejects.toMatchObject({ code: 'unavailable' })
    expect(store.data()).toEqual(before)
    expect(store.byRef('comments', 'postId', 1)).toHaveLength(834)
    await rmdir(temp.file)
    await store.insert('users', {})
    expect(await readFile(temp.file, 'utf8')).toContain(`"comments": ${JSON.stringify(BIG)}\n}\n`)
  })
})
