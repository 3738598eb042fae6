import { describe, expect, it, vi } from 'vitest'
import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { UserError } from '../../src/errors.ts'
import type { Row } from '../../src/json.ts'
import {
  SCHEMA,
  generateAll,
  listDir,
  openStore,
  readJson,
  recordingGenerate,
  useTempDb,
  writesOf,
  durableData,
} from './fixtures.ts'

const ALL = [...SCHEMA.resources.keys()]
const ids = (rows: readonly Row[]) => rows.map((row) => row['id'])

describe('opening a database file', () => {
  const temp = useTempDb()

  it('creates a missing file from generate(all), written as json-server writes it', async () => {
    const { calls, generate } = recordingGenerate()
    const store = await openStore(temp.file, { generate })
    expect(calls).toEqual([ALL])
    expect(store.file).toBe(temp.file)
    expect(writesOf(store)).toBe(1)
    expect(await readFile(temp.file, 'utf8')).toBe(`${JSON.stringify(generateAll(), null, 2)}\n`)
  })

  it('takes an existing file as the truth and restarts with equal data and indices', async () => {
    const first = await openStore(temp.file)
    await first.insert('posts', { userId: 2, title: 'kept' })
    await first.patch('comments', 7, { userId: 3 })
    await first.remove('users', 1)
    await first.close()
    const { calls, generate } = recordingGenerate()
    const again = await openStore(temp.file, { generate })
    expect(calls).toEqual([])
    expect(writesOf(again)).toBe(0)
    expect(again.data()).toEqual(first.data())
    for (const name of ['users', 'posts', 'comments']) {
      for (const row of first.list(name)) expect(again.get(name, String(row['id']))).toEqual(row)
    }
    expect(ids(again.byRef('posts', 'userId', 2))).toEqual([3, 4, 7])
    expect(ids(again.byRef('comments', 'userId', 3))).toEqual([7, 9, 10])
    expect(again.peekNextId('posts')).toBe(8)
  })

  it('generates only the resources the file lacks and keeps members the schema does not name', async () => {
    const { notes: _notes, ...partial } = generateAll()
    const extra = { version: 3, list: [1, 'two'] }
    await writeFile(temp.file, JSON.stringify({ extra, ...partial }))
    const { calls, generate } = recordingGenerate()
    const store = await openStore(temp.file, { generate })
    expect(calls).toEqual([['notes']])
    expect(Object.keys(store.data())).toEqual([
      'extra',
      ...ALL.filter((n) => n !== 'notes'),
      'notes',
    ])
    expect(await readJson(temp.file)).toEqual(store.data())
    await store.insert('users', { name: 'x' })
    expect(await readJson(temp.file)).toMatchObject({ extra })
  })

  it('regenerates everything with reset, whatever the file held', async () => {
    await writeFile(temp.file, '{"users": [{"id": 9}], "old": true}')
    const { calls, generate } = recordingGenerate()
    const store = await openStore(temp.file, { generate, reset: true })
    expect(calls).toEqual([ALL])
    expect(store.data()).toEqual(generateAll())
    expect(await readJson(temp.file)).toEqual(generateAll())
  })

  it('reads a file with a byte order mark and any layout', async () => {
    await writeFile(temp.file, `\uFEFF{"users":[{"id":1}],\r\n\t"profile" : {} }`)
    const store = await openStore(temp.file)
    expect(store.list('users')).toEqual([{ id: 1 }])
    await store.insert('users', {})
    expect(await durableData(temp.file)).toEqual(store.data())
  })

  it('writes through a symbolic link and keeps the file mode', async () => {
    const real = join(temp.dir, 'real.json')
    await writeFile(real, JSON.stringify(generateAll()))
    await chmod(real, 0o640)
    await symlink(real, temp.file)
    const store = await openStore(temp.file)
    await store.insert('users', { name: 'linked' })
    await store.close()
    expect((await stat(real)).mode & 0o777).toBe(0o640)
    expect(await readJson(real)).toEqual(store.data())
    expect(await listDir(temp.dir)).toEqual(['db.json', 'real.json'])
  })

  describe('refuses a file it cannot use, leaving it untouched', () => {
    it.each([
      [
        'invalid JSON',
        '{\n  "users": [\n    { "id": 1, }\n  ]\n}',
        (f: string) => `${f}:3:14: invalid JSON: trailing comma before "}"`,
      ],
      ['an empty file', '', (f: string) => `${f}:1:1: invalid JSON: the file is empty`],
      [
        'an array',
        '[]',
        (f: string) =>
          `${f}: a database must be a JSON object of resources, like {"posts": []}; found an array`,
      ],
      [
        'a plural resource that is no array',
        '{"users": {}}',
        (f: string) => `${f}: invalid database: users must be an array of items`,
      ],
      [
        'an item with an object for id',
        '{"users": [{"id": 1}, {"id": {}}]}',
        (f: string) =>
          `${f}: invalid database: users[1] has an id that is neither a number nor a string`,
      ],
      [
        'a repeated id',
        '{"posts": [{"id": 1}, {"id": "1"}]}',
        (f: string) => `${f}: invalid database: posts[1] has the id "1" of posts[0]`,
      ],
      [
        'a singular resource that is no object',
        '{"profile": []}',
        (f: string) => `${f}: invalid database: profile must be an object`,
      ],
      [
        'several problems',
        '{"users": [1, {"id": true}], "profile": 2}',
        (f: string) => `${f}: invalid database (3 problems)`,
      ],
    ])('%s', async (_, text, message) => {
      await writeFile(temp.file, text)
      const error: unknown = await openStore(temp.file).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(UserError)
      expect(error).toMatchObject({ message: message(temp.file) })
      expect(await readFile(temp.file, 'utf8')).toBe(text)
      expect(await listDir(temp.dir)).toEqual(['db.json'])
    })

    it('repeated ids, even when resources are missing', async () => {
      const text = '{"users": [{"id": 1}, {"id": 2}, {"id": 1}]}'
      await writeFile(temp.file, text)
      await expect(openStore(temp.file)).rejects.toThrow(
        `${temp.file}: invalid database: users[2] has the id 1 of users[0]`,
      )
      expect(await readFile(temp.file, 'utf8')).toBe(text)
    })

    it('lists each problem as an issue', async () => {
      await writeFile(temp.file, '{"users": [1, {"id": true}], "profile": 2}')
      await expect(openStore(temp.file)).rejects.toMatchObject({
        issues: [
          { path: 'users[0]', message: 'must be an object' },
          { path: 'users[1]', message: 'has an id that is neither a number nor a string' },
          { path: 'profile', message: 'must be an object' },
        ],
      })
    })

    it('a missing folder', async () => {
      const missing = join(temp.dir, 'nope', 'db.json')
      await expect(openStore(missing)).rejects.toThrow(
        new UserError(
          `cannot open database ${missing}: folder ${join(temp.dir, 'nope')} does not exist`,
        ),
      )
      expect(await listDir(temp.dir)).toEqual([])
    })

    it('a path that is a folder', async () => {
      await mkdir(temp.file)
      await expect(openStore(temp.file)).rejects.toThrow(
        new UserError(`cannot read database ${temp.file}: the path is a folder`),
      )
      expect(await listDir(temp.file)).toEqual([])
    })

    it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
      await writeFile(temp.file, '{}')
      await chmod(temp.file, 0o200)
      await expect(openStore(temp.file)).rejects.toThrow(
        new UserError(`cannot read database ${temp.file}: permission denied`),
      )
    })
  })

  it('keeps writing while a test fakes the timers', async () => {
    const store = await openStore(temp.file)
    vi.useFakeTimers()
    try {
      await store.insert('users', { name: 'timeless' })
    } finally {
      vi.useRealTimers()
    }
    expect(await durableData(temp.file)).toEqual(store.data())
  })

  it('opens a plain database with an empty schema as it is', async () => {
    const schema = { ...SCHEMA, resources: new Map(), relations: [], origin: 'db' as const }
    await writeFile(temp.file, '{"anything": [1, 2]}')
    const store = await openStore(temp.file, { schema, generate: () => ({}) })
    expect(store.data()).toEqual({ anything: [1, 2] })
  })
})
