import { basename, dirname, join } from 'node:path'
import { errorCode } from '../store/fs-reason.ts'
import type { FileSystem } from './file-system.ts'

/**
 * Removes the temp files that writers killed mid-write (kill -9, power loss) left beside the
 * database file. A temp file is named after its writer's process (see tempPathFor): those of a
 * process still running, this one included, are left alone.
 */
export async function removeStaleTemps(fs: FileSystem, target: string): Promise<void> {
  const folder = dirname(target)
  const prefix = `.${basename(target)}.`
  let names: string[]
  try {
    names = await fs.readdir(folder)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const pid = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length))?.[1]
    if (pid === undefined || isRunning(Number(pid))) continue
    await fs.unlink(join(folder, name)).catch(() => undefined)
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}
