import { open, readdir, realpath, rename, stat, unlink } from 'node:fs/promises'
import type { FileHandle as NodeFileHandle } from 'node:fs/promises'
import { errorCode } from '../store/fs-reason.ts'

/** An open file that is only ever written at its end. */
export type AppendHandle = {
  /** Writes every byte of the chunks at the end of the file. */
  write(chunks: readonly Uint8Array[]): Promise<void>
  /** Puts what was written on stable storage (fdatasync). */
  sync(): Promise<void>
  truncate(length: number): Promise<void>
  close(): Promise<void>
}

/**
 * The file operations persistence uses. Tests inject failures here, and a power-loss test
 * records them to replay only what reached stable storage.
 */
export type FileSystem = {
  /** The file's bytes and permission bits; `undefined` when it does not exist. */
  readFile(path: string): Promise<{ readonly bytes: Uint8Array; readonly mode: number } | undefined>
  /** Creates the file, or empties it, for writing. */
  create(path: string, mode: number): Promise<AppendHandle>
  rename(from: string, to: string): Promise<void>
  /** Removes the file; one that does not exist is no error. */
  unlink(path: string): Promise<void>
  /** Puts the folder's entries (files created, renamed, removed) on stable storage. */
  syncDir(path: string): Promise<void>
  realpath(path: string): Promise<string>
  readdir(path: string): Promise<string[]>
  isDirectory(path: string): Promise<boolean>
}

export const NODE_FILE_SYSTEM: FileSystem = {
  async readFile(path) {
    let handle: NodeFileHandle
    try {
      handle = await open(path, 'r')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined
      throw error
    }
    try {
      const mode = (await handle.stat()).mode & 0o7777
      return { bytes: await handle.readFile(), mode }
    } finally {
      await handle.close()
    }
  },
  async create(path, mode) {
    return appendHandle(await open(path, 'w', mode))
  },
  rename,
  async unlink(path) {
    try {
      await unlink(path)
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error
    }
  },
  async syncDir(path) {
    const handle = await open(path, 'r')
    try {
      await handle.sync()
    } catch (error) {
      // Some file systems cannot sync a folder; their renames are as durable as they get.
      if (errorCode(error) !== 'EINVAL' && errorCode(error) !== 'EISDIR') throw error
    } finally {
      await handle.close()
    }
  },
  realpath,
  readdir,
  async isDirectory(path) {
    try {
      return (await stat(path)).isDirectory()
    } catch (error) {
      const code = errorCode(error)
      if (code === 'ENOENT' || code === 'ENOTDIR') return false
      throw error
    }
  },
}

function appendHandle(handle: NodeFileHandle): AppendHandle {
  let size = 0
  return {
    async write(chunks) {
      size += await writeAll(handle, size, chunks)
    },
    sync: () => handle.datasync(),
    async truncate(length) {
      await handle.truncate(length)
      size = length
    },
    close: () => handle.close(),
  }
}

type Writev = {
  writev(buffers: Uint8Array[], position: number): Promise<{ bytesWritten: number }>
}

/** Writes every byte from `start`; writev may write less than asked (past a quota boundary, say). */
export async function writeAll(
  handle: Writev,
  start: number,
  chunks: readonly Uint8Array[],
): Promise<number> {
  let rest = chunks.filter((chunk) => chunk.byteLength > 0)
  let position = start
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest, position)
    if (bytesWritten === 0) throw new Error('the file system accepted no bytes')
    position += bytesWritten
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
  return position - start
}
