import { UserError } from '../errors.ts'
import type { Data } from '../json.ts'
import type { Change } from '../store/change.ts'
import { ChangeLog } from '../store/change-log.ts'
import { fsReason } from '../store/fs-reason.ts'
import { FilePersistence } from './file-persistence.ts'

/**
 * Writes `data` as the database file at `path` (absolute; `label` names it in messages), as a
 * server saves it: atomically, synced, in the same format, with no journal left beside it.
 */
export async function writeDatabase(path: string, label: string, data: Data): Promise<void> {
  const files = new FilePersistence({ path, label })
  const log = new ChangeLog()
  const changes = Object.keys(data).map((name): Change => ({
    op: 'set',
    resource: name,
    value: data[name] ?? null,
  }))
  log.append(changes, [])
  try {
    await files.write({ data, log })
    await files.close()
  } catch (error) {
    throw new UserError(`cannot write database ${label}: ${fsReason(error)}`, [], { cause: error })
  }
}
