import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliInTempDir } from '../cli-main.ts'

const COMMITTED_DB = new URL('../../db.json', import.meta.url).pathname

const { dir, run } = cliInTempDir()

describe('fauxrest infer', () => {
  it('turns the committed JSONPlaceholder db into a schema that checks and generates it again', async () => {
    const inferred = await run('infer', COMMITTED_DB, '--out', 'schema.json')
    expect(inferred).toEqual({
      code: 0,
      out: '',
      err: 'fauxrest: wrote schema.json: users 10, posts 100, comments 500, albums 100, photos 5000, todos 200\n',
    })
    expect((await run('check', 'schema.json')).code).toBe(0)
    expect((await run('generate', 'schema.json', '--out', 'db.json')).code).toBe(0)
    const original = JSON.parse(await readFile(COMMITTED_DB, 'utf8')) as Record<string, unknown[]>
    const again = JSON.parse(await readFile(join(dir.path, 'db.json'), 'utf8')) as Record<
      string,
      unknown[]
    >
    const keysOf = (data: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(data).map(([name, rows]) => [
          name,
          [rows.length, Object.keys(rows[0] ?? {})],
        ]),
      )
    expect(keysOf(again)).toEqual(keysOf(original))
  })

  it('prints the schema without --out, naming a response’s resource after its file', async () => {
    await writeFile(
      join(dir.path, 'users.json'),
      JSON.stringify([
        { id: 1, email: 'a@b.co' },
        { id: 2, email: 'c@d.co' },
      ]),
    )
    const result = await run('infer', 'users.json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.out)).toEqual({
      $schema: './node_modules/fauxrest/schema/fauxrest.schema.json',
      seed: 1,
      resources: {
        users: { count: 2, fields: { email: { faker: 'internet.email', unique: true } } },
      },
    })
  })

  it('reads a wrapped list ({ data, links, meta }) as the list of one resource, and says so', async () => {
    const wrapped = {
      data: [
        { id: 1, email: 'a@b.co' },
        { id: 2, email: 'c@d.co' },
      ],
      links: { self: '/users?page=1', next: '/users?page=2' },
      meta: { total: 40 },
    }
    await writeFile(join(dir.path, 'users.json'), JSON.stringify(wrapped))
    const result = await run('infer', 'users.json')
    expect(result.err).toBe(
      'fauxrest: users.json is a wrapped list: inferred users from its "data"\n',
    )
    expect(JSON.parse(result.out)).toEqual({
      $schema: './node_modules/fauxrest/schema/fauxrest.schema.json',
      seed: 1,
      resources: {
        users: { count: 2, fields: { email: { faker: 'internet.email', unique: true } } },
      },
    })
  })

  it('still reads a database whose resources sit side by side, "data" or not', async () => {
    const db = { data: [{ id: 1, x: 'a' }], posts: [{ id: 1, dataId: 1 }], profile: { name: 'n' } }
    await writeFile(join(dir.path, 'db.json'), JSON.stringify(db))
    const result = await run('infer', 'db.json')
    expect(result.err).toBe('')
    expect(Object.keys((JSON.parse(result.out) as { resources: object }).resources)).toEqual([
      'data',
      'posts',
      'profile',
    ])
  })

  it('takes the resource name from --name', async () => {
    await writeFile(join(dir.path, 'response.json'), JSON.stringify({ id: 7, done: true }))
    const result = await run('infer', 'response.json', '--name', 'todos')
    expect(Object.keys((JSON.parse(result.out) as { resources: object }).resources)).toEqual([
      'todos',
    ])
  })

  it.each<[string, string[], unknown]>([
    ['a missing file', ['infer', 'nope.json'], 'fauxrest: cannot read nope.json: no such file\n'],
    [
      'a bad name',
      ['infer', 'sample.json', '--name', '_x'],
      expect.stringMatching(
        /^fauxrest: sample\.json: resource name "_x" .* \(use --name\)\n$/,
      ) as unknown as string,
    ],
    [
      '--seed',
      ['infer', 'sample.json', '--seed', '2'],
      'fauxrest: --seed does not apply to infer\n',
    ],
    [
      '--name elsewhere',
      ['check', 'sample.json', '--name', 'x'],
      'fauxrest: --name only applies to infer\n',
    ],
    [
      'a schema',
      ['infer', 'schema.json'],
      'fauxrest: schema.json: the sample is already a fauxrest schema (it has "resources")\n',
    ],
  ])('refuses %s in one line', async (_, argv, err) => {
    await writeFile(join(dir.path, 'sample.json'), '[{"a": 1}]')
    await writeFile(join(dir.path, 'schema.json'), '{"resources": {"a": {}}}')
    expect(await run(...argv)).toEqual({ code: 1, out: '', err })
  })
})
