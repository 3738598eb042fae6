import { writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Data } from '../json.ts'
import type { CliIo } from './cli-io.ts'
import { fsReason } from '../store/fs-reason.ts'

/**
 * json-server's snapshots: `s` + Enter writes the database as it is now to `db-<time>.json` in
 * `dir`. Returns how to stop listening, once every snapshot asked for is written.
 */
export function snapshotsOnRequest(
  io: CliIo,
  dir: string,
  data: () => Data,
  now: () => number = Date.now,
): () => Promise<void> {
  let writing = Promise.resolve()
  const unsubscribe = io.lines?.((line) => {
    if (line.trim().toLowerCase() !== 's') return
    const file = join(dir, `db-${now()}.json`)
    const text = `${JSON.stringify(data(), null, 2)}\n`
    writing = writing.then(async () => {
      try {
        await writeFile(file, text, { flag: 'wx' })
        io.out(`fauxrest: saved a snapshot of the database to ${relative(io.cwd, file) || file}\n`)
      } catch (error) {
        io.err(`fauxrest: cannot save a snapshot to ${file}: ${fsReason(error)}\n`)
      }
    })
  })
  return async () => {
    unsubscribe?.()
    await writing
  }
}
