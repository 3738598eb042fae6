import { readUserFile } from './read-user-file.ts'
import { isOpenApiSource, loadOpenApi, parseDocumentText } from './load-openapi.ts'
import { checkWithCatalog } from '../schema/check-with-catalog.ts'
import { schemaFromDocument, type LoadedSchema } from '../schema/schema-document.ts'
import type { FakerCatalog, SchemaOptions } from '../schema/types.ts'

export type { LoadedSchema } from '../schema/schema-document.ts'

/** Reads a schema or plain db file; every problem becomes a UserError naming the file. */
export async function loadSchemaFile(
  path: string,
  catalog: FakerCatalog,
  options: SchemaOptions = {},
): Promise<LoadedSchema> {
  const bytes = await readUserFile(path)
  const document = await parseDocumentText(bytes.toString('utf8'), path)
  if (isOpenApiSource(document)) {
    return loadOpenApi(document as Record<string, unknown>, path, catalog, options)
  }
  const reading = { catalog, options, copy: false }
  const loaded = await checkWithCatalog(catalog, () => schemaFromDocument(document, path, reading))
  return loaded.plainData === undefined ? loaded : { ...loaded, file: { path, bytes } }
}

/**
 * Loads a schema from a file path or from an already parsed document (a schema or a plain db;
 * a plain db object is copied, never changed); `name` names a parsed document in messages.
 */
export async function loadSchema(
  source: unknown,
  catalog: FakerCatalog,
  options: SchemaOptions = {},
  name = 'schema',
): Promise<LoadedSchema> {
  if (typeof source === 'string') return loadSchemaFile(source, catalog, options)
  if (isOpenApiSource(source)) {
    return loadOpenApi(source as Record<string, unknown>, name, catalog, options)
  }
  const reading = { catalog, options, copy: true }
  return checkWithCatalog(catalog, () => schemaFromDocument(source, name, reading))
}
