import { parseJsonText } from '../json-text.ts'
import { readUserFile } from './read-user-file.ts'
import { parseRoutesFile, type RoutesFile } from '../rewrite/routes-file.ts'

/** Reads and checks a json-server routes file; every problem is a UserError naming the file. */
export async function loadRoutesFile(path: string): Promise<RoutesFile> {
  const text = (await readUserFile(path, `routes file ${path}`)).toString('utf8')
  return parseRoutesFile(parseJsonText(text, path), path)
}
