import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NODE_FILE_SYSTEM } from '../../src/node/file-system.ts'
import { removeStaleTemps } from '../../src/node/stale-temps.ts'
import { tempDirPerTest } from '../helpers.ts'

const dir = tempDirPerTest()

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
  await once(child, 'exit')
  if (child.pid === undefined) throw new Error('no pid')
  return child.pid
}

describe('removeStaleTemps', () => {
  it('removes the temp files of dead writers and nothing else', async () => {
    const dead = await deadPid()
    const names = [
      'db.json',
      `.db.json.${dead}-0a1b2c3d.tmp`,
      `.db.json.${process.pid}-0a1b2c3d.tmp`,
      `.db.json.${dead}-0a1b2c3d.tmp.bak`,
      `.other.json.${dead}-0a1b2c3d.tmp`,
      `.db.json.${dead}-notahex.tmp`,
      'notes.txt',
    ]
    for (const name of names) await writeFile(join(dir.path, name), '{}')
    await removeStaleTemps(NODE_FILE_SYSTEM, join(dir.path, 'db.json'))
    expect((await readdir(dir.path)).toSorted()).toEqual(
      names.filter((name) => name !== `.db.json.${dead}-0a1b2c3d.tmp`).toSorted(),
    )
  })

  it('ignores a folder that does not exist', async () => {
    await expect(
      removeStaleTemps(NODE_FILE_SYSTEM, join(dir.path, 'none', 'db.json')),
    ).resolves.toBeUndefined()
  })
})
