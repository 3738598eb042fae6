import { resolve } from 'node:path'
import { UserError } from '../errors.ts'
import { importDocument, isOpenApiSource, parseDocumentText } from '../node/load-openapi.ts'
import type { Node } from '../openapi-import/document.ts'
import { readUserFile } from '../node/read-user-file.ts'
import type { CliIo } from './cli-io.ts'
import { emit } from './emit.ts'

type ImportCommand = {
  readonly file: string
  readonly out: string | undefined
  readonly seed: number | undefined
}

/** Writes the fauxrest schema an OpenAPI document is served as; skipped operations go to stderr. */
export async function runImport(command: ImportCommand, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, command.file)
  const text = (await readUserFile(path, command.file)).toString('utf8')
  const document = await parseDocumentText(text, command.file)
  if (!isOpenApiSource(document) || !isNode(document) || 'resources' in document) {
    throw new UserError(`${command.file}: not an OpenAPI document (no "openapi" version key)`)
  }
  const imported = await importDocument(document, command.file, command.seed)
  for (const warning of imported.warnings)
    io.err(`fauxrest: warning: ${command.file}: ${warning}\n`)
  await emit(`${JSON.stringify(imported.schema, null, 2)}\n`, command.out, io)
  return 0
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
