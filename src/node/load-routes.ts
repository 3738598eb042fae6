import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.ts'
import { parseJsonText } from '../json-text.ts'
import { parseRoutesFile, type RoutesFile } from '../rewrite/routes-file.ts'

/** Reads and checks a json-server routes file; every problem is a UserError naming the file. */
export async function loadRoutesFile(path: string): Promise<RoutesFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : String(error)
    throw new UserError(`cannot read routes file ${path}: ${reason}`, [], { cause: error })
  }
  return parseRoutesFile(parseJsonText(text, path), path)
}
