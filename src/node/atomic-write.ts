import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type { FileSystem } from './file-system.ts'

/** A temp file beside the target, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  return join(dirname(target), `.${basename(target)}.${suffix}.tmp`)
}

/**
 * Writes the chunks to a temp file, puts it on stable storage, renames it over `target` and puts
 * the folder on stable storage too: a crash or a power cut leaves the old file or the new one,
 * never a torn or empty one. The temp file is removed when any step before the rename fails.
 */
export async function writeFileAtomic(
  fs: FileSystem,
  target: string,
  chunks: readonly Uint8Array[],
  mode: number,
): Promise<void> {
  const temp = tempPathFor(target)
  let created = false
  try {
    const handle = await fs.create(temp, mode)
    created = true
    try {
      await handle.write(chunks)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await fs.syncDir(dirname(target))
}
