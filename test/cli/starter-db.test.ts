import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STARTER_DB } from '../../src/cli/starter-db.ts'
import { cliInTempDir } from '../cli-main.ts'
import { listDir } from '../store/fixtures.ts'

const { dir, run } = cliInTempDir()

describe('a db file that does not exist', () => {
  it('is created with a starter dataset, said in one line, and served', async () => {
    const result = await run('db.json', '--port', '0', '--quiet')
    expect(result.code).toBe(0)
    expect(result.err).toBe(
      'fauxrest: SIGTERM received, finishing requests in flight and saving…\n',
    )
    const [first, ...banner] = result.out.split('\n')
    expect(first).toBe(
      'fauxrest: db.json did not exist: created it with a starter dataset (posts, comments, profile)',
    )
    expect(banner.join('\n')).toMatch(/comments\s+1\s+\/comments {2}\/comments\/:id\n/)
    expect(JSON.parse(await readFile(join(dir.path, 'db.json'), 'utf8'))).toEqual(STARTER_DB)
  })

  it('is created in a folder that exists', async () => {
    await mkdir(join(dir.path, 'mock'))
    expect((await run('serve', 'mock/api.json', '--port', '0', '--quiet')).code).toBe(0)
    expect(await listDir(join(dir.path, 'mock'))).toEqual(['api.json'])
  })

  it('in a folder that does not exist is an error in one line, and nothing is created', async () => {
    expect(await run('missing/db.json', '--port', '0')).toEqual({
      code: 1,
      out: '',
      err: 'fauxrest: cannot create missing/db.json: folder missing does not exist\n',
    })
    expect(await listDir(dir.path)).toEqual([])
  })

  it('is not created by the commands that only read', async () => {
    const result = await run('check', 'db.json')
    expect(result.code).toBe(1)
    expect(await listDir(dir.path)).toEqual([])
  })

  it('an existing file is never replaced', async () => {
    await writeFile(join(dir.path, 'db.json'), '{"notes": []}')
    const result = await run('db.json', '--port', '0', '--quiet')
    expect(result.out).not.toContain('created')
    expect(await readFile(join(dir.path, 'db.json'), 'utf8')).toBe('{"notes": []}')
  })
})

describe('what json-server refuses', () => {
  it.each([
    ['[]', 'a database must be a JSON object of resources, like {"posts": []}; found an array'],
    [
      '{"api/posts": []}',
      '"api/posts" cannot be a resource name: "/" is not allowed in one (map a deeper path with a routes file)',
    ],
  ])('%s is refused in one line, exit 1, file untouched', async (text, message) => {
    const file = join(dir.path, 'db.json')
    await writeFile(file, text)
    expect(await run('db.json', '--port', '0')).toEqual({
      code: 1,
      out: '',
      err: `fauxrest: ${file}: ${message}\n`,
    })
    expect(await readFile(file, 'utf8')).toBe(text)
  })
})
