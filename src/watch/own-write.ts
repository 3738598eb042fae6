import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.ts'
import type { Mock } from '../mock.ts'
import { sameBytes } from './same-bytes.ts'

/** The file's bytes, or `undefined` while it does not exist (an editor between two steps). */
export async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path)
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined
    throw new UserError(`cannot read ${path}: ${String(error)}`, [], { cause: error })
  }
}

/** Whether the file holds what the mock's store wrote last: its own write, not an edit. */
export function isOwnWrite(bytes: Buffer, mock: Mock): boolean {
  return sameBytes(bytes, mock.lastSaved() ?? [])
}
