import { UserError } from '../errors.ts'
import type { Data } from '../json.ts'
import type { OpenApiBinding } from '../openapi-import/binding.ts'
import { parseSchema } from './parse-schema.ts'
import { checkPlainDb, isSchemaDocument, schemaFromData } from './schema-from-data.ts'
import type { FakerCatalog, Schema, SchemaOptions } from './types.ts'

/** A loaded schema; `plainData` holds the items when the source was a plain json-server db. */
export type LoadedSchema = {
  readonly schema: Schema
  readonly plainData: Data | undefined
  /** How to answer in an OpenAPI document's shapes, when the source was one. */
  readonly openapi?: OpenApiBinding | undefined
  /** Operations of a document that could not be served, one line each. */
  readonly warnings?: readonly string[] | undefined
  /** The plain db file as read, so a store opening the same file need not parse it again. */
  readonly file?: { readonly path: string; readonly bytes: Uint8Array }
}

export type Reading = {
  readonly catalog: FakerCatalog
  /** json-server's `--id` and `--foreignKeySuffix`. */
  readonly options: SchemaOptions
  /** Keeps a caller's plain db object unchanged when the store later writes to the data. */
  readonly copy: boolean
}

/**
 * A schema document or a plain json-server db, already parsed from JSON, checked: every problem
 * is a UserError naming `name`.
 */
export function schemaFromDocument(
  document: unknown,
  name: string,
  reading: Reading,
): LoadedSchema {
  const { catalog, options } = reading
  if (isSchemaDocument(document)) {
    const result = parseSchema(document, catalog, options.idKey)
    if (!result.ok) throw new UserError(`${name}: invalid schema`, result.issues)
    return { schema: result.schema, plainData: undefined }
  }
  checkPlainDb(document, name, options.idKey)
  const data = reading.copy ? structuredClone(document) : document
  const schema = schemaFromData(data, options)
  // As in json-server: GET /db is the whole database, and the rest of /db is the resource.
  const warnings = schema.resources.has('db')
    ? [
        '"db": GET /db answers the whole database (the resource is its "db" key), as in json-server; ' +
          "the resource's items are at /db/:id, and POST /db adds one",
      ]
    : undefined
  return { schema, plainData: data, ...(warnings === undefined ? {} : { warnings }) }
}
