import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import type { CliIo } from './cli-io.ts'

/** Writes a command's output to --out, or to stdout. */
export async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) {
    io.out(text)
    return
  }
  const path = resolve(io.cwd, out)
  try {
    await writeFile(path, text)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new UserError(`cannot write ${out}: ${reason}`, [], { cause: error })
  }
}
