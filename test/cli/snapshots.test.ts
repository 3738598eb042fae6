import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../../src/cli/cli-io.ts'
import { main } from '../../src/cli/main.ts'
import { cliInTempDir } from '../cli-main.ts'

const { dir, run } = cliInTempDir()
const DB = { posts: [{ id: 1, title: 'kept' }] }

// json-server's `-S DIR` and `s` + Enter (its CLI test "should save a snapshot in snapshots dir").
async function serveTyping(lines: string[], ...argv: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => (out += text),
    err: (text) => (err += text),
    color: false,
    interactive: false,
    cwd: dir.path,
    // Everything is typed at once; the server stops once the typing is read.
    stopRequested: () => Promise.resolve('SIGTERM'),
    lines: (onLine) => {
      for (const line of lines) onLine(line)
      return () => undefined
    },
  }
  const code = await main(['db.json', '--port', '0', '--quiet', ...argv], io)
  return { code, out, err }
}

describe('snapshots (-S DIR, s + Enter)', () => {
  it('saves the database in the folder on s + Enter, and nothing on other lines', async () => {
    await writeFile(join(dir.path, 'db.json'), JSON.stringify(DB))
    await mkdir(join(dir.path, 'snapshots'))
    const { code, out } = await serveTyping(['hello', ' S ', ''], '-S', 'snapshots')
    expect(code).toBe(0)
    expect(out).toContain('  Type s + Enter to save a snapshot of the database in snapshots.\n')
    const files = await readdir(join(dir.path, 'snapshots'))
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^db-\d+\.json$/)
    expect(out).toContain(`fauxrest: saved a snapshot of the database to snapshots/${files[0]}\n`)
    const saved = JSON.parse(await readFile(join(dir.path, 'snapshots', files[0] ?? ''), 'utf8'))
    expect(saved).toEqual(DB)
  })

  it('refuses a snapshots folder that does not exist in one line', async () => {
    await writeFile(join(dir.path, 'db.json'), JSON.stringify(DB))
    expect(await run('db.json', '--port', '0', '-S', 'nowhere')).toEqual({
      code: 1,
      out: '',
      err: 'fauxrest: --snapshots nowhere: no such folder\n',
    })
  })
})
