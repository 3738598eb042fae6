import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliInTempDir, runMain } from '../cli-main.ts'

const { dir, run } = cliInTempDir()
const DB = { posts: [{ id: 1, title: 'kept' }] }

// json-server's `-S DIR` and `s` + Enter (its CLI test "should save a snapshot in snapshots dir"):
// everything is typed at once, and the server stops once the typing is read.
function serveTyping(lines: string[], ...argv: string[]) {
  return runMain(dir.path, ['db.json', '--port', '0', '--quiet', ...argv], lines)
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
