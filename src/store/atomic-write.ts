import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'

/** The file operations a write uses; tests inject failures here. */
export type FileOps = {
  readonly open: typeof open
  readonly rename: typeof rename
  readonly unlink: typeof unlink
}

export const NODE_FILE_OPS: FileOps = { open, rename, unlink }

/** A temp file beside the target, so the final rename never crosses file systems. */
export function tempPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`
  return join(dirname(target), `.${basename(target)}.${suffix}.tmp`)
}

/**
 * Writes the chunks to `temp`, then renames it over `target`: a crash leaves the old file or the
 * new one, never a torn one. The temp file is removed when any step fails.
 */
export async function writeFileAtomic(
  target: string,
  temp: string,
  chunks: readonly Uint8Array[],
  options: { readonly mode?: number; readonly ops?: FileOps } = {},
): Promise<void> {
  const ops = options.ops ?? NODE_FILE_OPS
  let created = false
  try {
    const handle = await ops.open(temp, 'w', options.mode ?? 0o666)
    created = true
    try {
      await writeAll(handle, chunks)
    } finally {
      await handle.close()
    }
    await ops.rename(temp, target)
  } catch (error) {
    if (created) await ops.unlink(temp).catch(() => undefined)
    throw error
  }
}

type Writable = { writev(buffers: Uint8Array[]): Promise<{ bytesWritten: number }> }

// writev may write less than asked (e.g. past a pipe or quota boundary): continue from there.
async function writeAll(handle: Writable, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks.filter((chunk) => chunk.byteLength > 0)
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest)
    if (bytesWritten === 0) throw new Error('the file system accepted no bytes')
    const next: Uint8Array[] = []
    for (const chunk of rest) {
      if (bytesWritten >= chunk.byteLength) bytesWritten -= chunk.byteLength
      else {
        next.push(bytesWritten === 0 ? chunk : chunk.subarray(bytesWritten))
        bytesWritten = 0
      }
    }
    rest = next
  }
}
