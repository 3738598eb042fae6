import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliInTempDir } from '../cli-main.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { createMock } from '../../src/mock.ts'

const { dir, run } = cliInTempDir()

describe('fauxrest errors', () => {
  it('names a missing file in one line (only a missing .json file is created)', async () => {
    expect(await run('nope.yaml')).toEqual({
      code: 1,
      out: '',
      err: `fauxrest: cannot read ${join(dir.path, 'nope.yaml')}: no such file\n`,
    })
  })

  it('gives file, line and column (of the trailing comma) for invalid JSON, and leaves the file alone', async () => {
    const file = join(dir.path, 'broken.json')
    const text = '{\n  "resources": {\n    "users": { "count": 1, }\n  }\n}\n'
    await writeFile(file, text)
    const result = await run('serve', 'broken.json', '--port', '0')
    expect(result.code).toBe(1)
    expect(result.err).toBe(`fauxrest: ${file}:3:26: invalid JSON: trailing comma before "}"\n`)
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it('lists every schema problem with its path', async () => {
    await writeFile(
      join(dir.path, 'bad.json'),
      JSON.stringify({
        resources: {
          users: {
            fields: { email: 'internet.emial', age: { faker: 'number.int', optinal: true } },
          },
          posts: { fields: { userId: { ref: 'user' } } },
        },
      }),
    )
    const result = await run('check', 'bad.json')
    expect(result.code).toBe(1)
    expect(result.err.split('\n')).toEqual([
      `fauxrest: ${join(dir.path, 'bad.json')}: invalid schema`,
      '  resources.users.fields.email: unknown faker method "internet.emial" (did you mean "internet.email"?)',
      '  resources.users.fields.age.optinal: unknown key "optinal" (did you mean "optional"?)',
      '  resources.posts.fields.userId.ref: ref to unknown resource "user" (did you mean "users"?)',
      '',
    ])
  })

  it.each([
    [
      ['--port', 'abc', 'x.json'],
      'fauxrest: --port must be an integer from 0 to 65535, not "abc"\n',
    ],
    [
      ['--delay', '9-1', 'x.json'],
      'fauxrest: --delay must be MS or MIN-MAX in milliseconds (e.g. 300 or 200-800), not "9-1"\n',
    ],
    [['--bogus', 'x.json'], "fauxrest: Unknown option '--bogus' (see fauxrest --help)\n"],
    [['check', 'a.json', '--port', '1'], 'fauxrest: --port only applies to serve\n'],
  ])('rejects bad options: %j', async (argv, err) => {
    expect(await run(...argv)).toEqual({ code: 1, out: '', err })
  })

  it('refuses --static for a folder that does not exist', async () => {
    expect(await run(JSONPLACEHOLDER, '--db', ':memory:', '--static', 'nowhere')).toEqual({
      code: 1,
      out: '',
      err: 'fauxrest: --static nowhere: no such folder\n',
    })
  })

  it('refuses --reset on a plain db file, which has nothing to regenerate from', async () => {
    await writeFile(join(dir.path, 'db.json'), JSON.stringify({ posts: [{ id: 1 }] }))
    const result = await run('db.json', '--reset')
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'fauxrest: --reset needs a schema: db.json is a plain database with nothing to regenerate from\n',
    })
  })
})

describe('fauxrest check', () => {
  it('prints the resources and the routes it would serve', async () => {
    const result = await run('check', JSONPLACEHOLDER)
    expect(result.code).toBe(0)
    expect(result.out).toContain(`✓ ${JSONPLACEHOLDER}: valid schema, 6 resources\n`)
    expect(result.out).toContain(
      '  users        10  integer  /users  /users/:id  /users/:userId/posts  /users/:userId/albums  /users/:userId/todos\n',
    )
    expect(result.out).toContain('  comments.postId -> posts (onDelete: cascade)\n')
  })
})

describe('fauxrest generate', () => {
  it('writes the same bytes to --out as to stdout, and the same for the same seed', async () => {
    const printed = await run('generate', JSONPLACEHOLDER)
    const written = await run('generate', JSONPLACEHOLDER, '--out', 'db.json')
    expect(written.err).toBe(
      'fauxrest: wrote db.json (seed 1): users 10, posts 100, comments 500, albums 100, photos 5000, todos 200\n',
    )
    expect(await readFile(join(dir.path, 'db.json'), 'utf8')).toBe(printed.out)
    const other = await run('generate', JSONPLACEHOLDER, '--seed', '2')
    expect(other.out).not.toBe(printed.out)
  })

  it('refuses a folder that does not exist in one line, and leaves no journal beside the file', async () => {
    expect(await run('generate', JSONPLACEHOLDER, '--out', 'nope/db.json')).toEqual({
      code: 1,
      out: '',
      err: 'fauxrest: cannot write database nope/db.json: the folder does not exist\n',
    })
    // A journal a server left beside an older file names that file: it goes with it.
    await writeFile(join(dir.path, '.db.json.journal'), 'stale\n')
    expect((await run('generate', JSONPLACEHOLDER, '--out', 'db.json')).code).toBe(0)
    expect((await readdir(dir.path)).filter((name) => name.includes('db.json'))).toEqual([
      'db.json',
    ])
  })

  it('matches the db.json committed at the root', async () => {
    const printed = await run('generate', JSONPLACEHOLDER)
    const committed = await readFile(new URL('../../db.json', import.meta.url), 'utf8')
    expect(printed.out).toBe(committed)
  })
})

describe('fauxrest --help', () => {
  it.each(['serve', 'generate', 'check', 'openapi', 'types', 'infer'])(
    'shows help and examples for %s',
    async (command) => {
      const result = await run(command, '--help')
      expect(result.code).toBe(0)
      expect(result.out).toContain(`fauxrest ${command === 'serve' ? '[serve]' : command} <`)
      expect(result.out).toMatch(/Examples?\n/)
    },
  )
})

describe('fauxrest generate with auth declared', () => {
  it('writes the users’ known-password hashes, to stdout as to --out, and the file logs in', async () => {
    const schema = {
      auth: { users: 'users', login: 'username' },
      resources: {
        users: { count: 2, fields: { username: { faker: 'internet.username', unique: true } } },
      },
    }
    await writeFile(join(dir.path, 'auth.json'), JSON.stringify(schema))
    const printed = await run('generate', 'auth.json')
    await run('generate', 'auth.json', '--out', 'auth-db.json')
    expect(await readFile(join(dir.path, 'auth-db.json'), 'utf8')).toBe(printed.out)
    const users = (JSON.parse(printed.out) as { users: { username: string; password: string }[] })
      .users
    expect(users.map((user) => user.password)).toEqual([
      expect.stringMatching(/^\$2b\$04\$.{53}$/),
      expect.stringMatching(/^\$2b\$04\$.{53}$/),
    ])
    const [first] = users
    const served = await createMock({
      schema: join(dir.path, 'auth.json'),
      db: join(dir.path, 'auth-db.json'),
    })
    const ok = await served.app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: first?.username, password: first?.username.padEnd(4, '0') }),
    })
    expect(ok.status).toBe(200)
    await served.close()
  })
})
