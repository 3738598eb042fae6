import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.ts'
import type { Data } from '../json.ts'
import { parseJsonText } from '../json-text.ts'
import { parseSchema } from '../schema/parse-schema.ts'
import { checkPlainDb, isSchemaDocument, schemaFromData } from '../schema/schema-from-data.ts'
import type { FakerCatalog, Schema } from '../schema/types.ts'

/** A loaded schema; `plainData` holds the items when the source was a plain json-server db. */
export type LoadedSchema = { readonly schema: Schema; readonly plainData: Data | undefined }

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
}

/** Reads a schema or plain db file; every problem becomes a UserError naming the file. */
export async function loadSchemaFile(path: string, catalog: FakerCatalog): Promise<LoadedSchema> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = (code === undefined ? undefined : READ_ERRORS[code]) ?? String(error)
    throw new UserError(`cannot read ${path}: ${reason}`, [], { cause: error })
  }
  return fromDocument(parseJsonText(text, path), path, catalog, false)
}

/**
 * Loads a schema from a file path or from an already parsed document (a schema or a plain db;
 * a plain db object is copied, never changed).
 */
export async function loadSchema(source: unknown, catalog: FakerCatalog): Promise<LoadedSchema> {
  if (typeof source === 'string') return loadSchemaFile(source, catalog)
  return fromDocument(source, 'schema', catalog, true)
}

// `copy` keeps a caller's plain db object unchanged when the store later writes to the data
function fromDocument(
  document: unknown,
  name: string,
  catalog: FakerCatalog,
  copy: boolean,
): LoadedSchema {
  if (isSchemaDocument(document)) {
    const result = parseSchema(document, catalog)
    if (!result.ok) throw new UserError(`${name}: invalid schema`, result.issues)
    return { schema: result.schema, plainData: undefined }
  }
  const checked = checkPlainDb(document, name)
  const data = copy ? structuredClone(checked) : checked
  return { schema: schemaFromData(data), plainData: data }
}
