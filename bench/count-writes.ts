// Sends concurrent POSTs and counts the durable writes they took, watching the db file's folder:
// each atomic write renames a temp file over the file, each journal append (fauxrest) modifies
// the journal beside it.
import { watch } from 'node:fs'
import { basename, dirname } from 'node:path'
import { FilePersistence } from '../src/node/file-persistence.ts'
import { rowsOf } from './check-answers.ts'
import { httpRequest } from './http-request.ts'

export type WriteCount = {
  readonly posts: number
  readonly created: number
  /** Renames onto the db file and journal appends from the first POST until a second of quiet. */
  readonly fileWrites: number
  /** From sending the POSTs to the last answer. */
  readonly answeredMs: number
  /** Every created post was in the file on disk when the last answer arrived. */
  readonly allOnDisk: boolean
}

const QUIET_MS = 1_000
const MAX_WAIT_MS = 60_000
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))

export async function countWrites(
  port: number,
  dbFile: string,
  path: string,
  body: string,
  posts = 100,
): Promise<WriteCount> {
  let fileWrites = 0
  let lastEvent = performance.now()
  const name = basename(dbFile)
  const journal = `.${name}.journal`
  const watcher = watch(dirname(dbFile), (event, file) => {
    if ((event === 'rename' && file === name) || (event === 'change' && file === journal)) {
      fileWrites++
      lastEvent = performance.now()
    }
  })
  try {
    const started = performance.now()
    const answers = await Promise.all(
      Array.from({ length: posts }, () => httpRequest(port, 'POST', path, body)),
    )
    const answeredMs = performance.now() - started
    const ids = answers
      .filter((answer) => answer.status === 201)
      .map((answer): unknown => JSON.parse(answer.body.toString('utf8')))
      .map((row) => (typeof row === 'object' && row !== null && 'id' in row ? row.id : undefined))
    // What a restart reads: the file with fauxrest's journal (if any) replayed.
    const db = await new FilePersistence({ path: dbFile, label: dbFile }).read()
    const onDisk = new Set(rowsOf(db?.data, 'posts').map((row) => row['id']))
    const allOnDisk = ids.every((id) => onDisk.has(id))
    while (performance.now() - lastEvent < QUIET_MS && performance.now() - started < MAX_WAIT_MS) {
      await sleep(100)
    }
    return { posts, created: ids.length, fileWrites, answeredMs, allOnDisk }
  } finally {
    watcher.close()
  }
}
