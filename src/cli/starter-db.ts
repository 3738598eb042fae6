import { stat, writeFile } from 'node:fs/promises'
import { dirname, extname } from 'node:path'
import { UserError } from '../errors.ts'
import { errorCode, fsReason } from '../store/fs-reason.ts'

/** What a new database file holds: one of each kind of resource, related, to try at once. */
export const STARTER_DB = {
  posts: [{ id: 1, title: 'Hello, fauxrest', author: 'fauxrest' }],
  comments: [{ id: 1, body: 'A first comment', postId: 1 }],
  profile: { name: 'fauxrest' },
}

/**
 * Creates a missing `.json` database file with the starter data, as json-server does; returns
 * whether it did. Any other missing file is left for the loader to report, and so is a missing
 * folder (a typo there should not create folders).
 */
export async function createStarterDb(path: string, shown: string): Promise<boolean> {
  if (extname(path).toLowerCase() !== '.json') return false
  if ((await stat(path).catch(() => undefined)) !== undefined) return false
  const folder = await stat(dirname(path)).catch(() => undefined)
  if (folder?.isDirectory() !== true) {
    throw new UserError(`cannot create ${shown}: folder ${dirname(shown)} does not exist`)
  }
  const text = `${JSON.stringify(STARTER_DB, null, 2)}\n`
  try {
    // `wx`: a file that appeared meanwhile is kept, never overwritten.
    await writeFile(path, text, { flag: 'wx' })
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    throw new UserError(`cannot create ${shown}: ${fsReason(error)}`, [], { cause: error })
  }
  return true
}
