import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.ts'

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
}

/** Reads a file the user named; a failure is one UserError line: `cannot read <label>: <reason>`. */
export async function readUserFile(path: string, label: string = path): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = (code === undefined ? undefined : READ_ERRORS[code]) ?? String(error)
    throw new UserError(`cannot read ${label}: ${reason}`, [], { cause: error })
  }
}
