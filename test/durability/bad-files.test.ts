import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../cli-process.ts'
import { JSONPLACEHOLDER, tempDirPerTest } from '../helpers.ts'

const dir = tempDirPerTest()

// A server that starts when it should have refused is killed after 10 s.
const run = (args: readonly string[]) => runCli(args, dir.path, {}, 10_000)
const serve = (db: string) => run([JSONPLACEHOLDER, '--port', '0', '--db', db])

/** What serving `db` printed and how it exited, and the folder's files afterwards. */
async function attempt(db: string) {
  const result = await serve(db)
  return { ...result, files: await snapshot() }
}

/** Exit code 1, exactly one line on stderr, nothing on stdout, the folder as it was. */
const refused = (line: string, files: Record<string, string>) => ({
  code: 1,
  stdout: '',
  stderr: `fauxrest: ${line}\n`,
  files,
})

async function snapshot(): Promise<Record<string, string>> {
  const entries = await readdir(dir.path, { withFileTypes: true })
  const files: Record<string, string> = {}
  for (const entry of entries.toSorted((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir.path, entry.name)
    files[entry.name] = entry.isDirectory()
      ? `folder: ${(await readdir(path)).join(',')}`
      : (await readFile(path)).toString('base64')
  }
  return files
}

type Case = [name: string, content: string | Buffer, line: (file: string) => string]

describe('a bad database file stops the server with one line and is never overwritten', () => {
  it.each<Case>([
    [
      'invalid JSON (file, line and column)',
      '{\n  "posts": [\n    {"id": 1,}\n  ]\n}\n',
      (file: string) => `${file}:3:13: invalid JSON: trailing comma before "}"`,
    ],
    [
      'invalid JSON after a byte order mark',
      '\uFEFF{"posts": [}',
      (file: string) => `${file}:1:12: invalid JSON: unexpected "}"`,
    ],
    ['an empty file', '', (file: string) => `${file}:1:1: invalid JSON: the file is empty`],
    [
      'an array',
      '[{"id": 1}]',
      (file: string) =>
        `${file}: a database must be a JSON object of resources, like {"posts": []}; found an array`,
    ],
    [
      'a number',
      '42',
      (file: string) =>
        `${file}: a database must be a JSON object of resources, like {"posts": []}; found number`,
    ],
    // lowdb reads a falsy value as a missing file: these were once overwritten with fresh data.
    ...[
      ['null', 'null'],
      ['0', 'number'],
      ['false', 'boolean'],
      ['""', 'string'],
    ].map(([text = '', found = '']): Case => [
      `the falsy value ${text}`,
      text,
      (file: string) =>
        `${file}: a database must be a JSON object of resources, like {"posts": []}; found ${found}`,
    ]),
    [
      'a resource of the wrong shape',
      '{"posts": {"id": 1}}',
      (file: string) => `${file}: invalid database: posts must be an array of items`,
    ],
    [
      'invalid UTF-8',
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31]),
      (file: string) => `${file}:1:8: invalid JSON: unexpected end of file (missing "}")`,
    ],
  ])('%s', async (_, content, line) => {
    const file = join(dir.path, 'db.json')
    await writeFile(file, content)
    const before = await snapshot()
    expect(await attempt(file)).toEqual(refused(line(file), before))
  })

  it('a folder where the file should be', async () => {
    const file = join(dir.path, 'db.json')
    await mkdir(file)
    expect(await attempt(file)).toEqual(
      refused(`cannot read database ${file}: the path is a folder`, {
        'db.json': 'folder: ',
      }),
    )
  })

  it('a path through a file', async () => {
    const blocker = join(dir.path, 'plain')
    await writeFile(blocker, 'not a folder')
    const file = join(blocker, 'db.json')
    const before = await snapshot()
    expect(await attempt(file)).toEqual(
      refused(`cannot read database ${file}: a part of the path is not a folder`, before),
    )
  })

  it('a folder that does not exist', async () => {
    const file = join(dir.path, 'missing', 'db.json')
    expect(await attempt(file)).toEqual(
      refused(
        `cannot open database ${file}: folder ${join(dir.path, 'missing')} does not exist`,
        {},
      ),
    )
  })

  it.skipIf(process.getuid?.() === 0)('a file without read permission', async () => {
    const file = join(dir.path, 'db.json')
    await writeFile(file, '{"posts": []}')
    const before = await snapshot()
    await chmod(file, 0o200)
    const result = await serve(file)
    await chmod(file, 0o600)
    expect({ ...result, files: await snapshot() }).toEqual(
      refused(`cannot read database ${file}: permission denied`, before),
    )
  })

  it('a plain database that is not valid JSON', async () => {
    const file = join(dir.path, 'plain.json')
    await writeFile(file, '{"posts": [{"id": 1}]\n"users": []}')
    const before = await snapshot()
    const result = await run([file, '--port', '0'])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `fauxrest: ${file}:2:1: invalid JSON: expected "," or "}" but found "\\""\n`,
    })
    expect(await snapshot()).toEqual(before)
  })
})
