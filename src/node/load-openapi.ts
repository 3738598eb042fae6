import { UserError } from '../errors.ts'
import { isJsonObject } from '../json.ts'
import { parseJsonText } from '../json-text.ts'
import { bodyChecker } from '../openapi-import/check-body.ts'
import { DocumentError, isNode, type Node } from '../openapi-import/document.ts'
import { bindOpenApi, importOpenApi } from '../openapi-import/import-openapi.ts'
import type { LoadedSchema } from '../schema/schema-document.ts'
import { checkWithCatalog } from '../schema/check-with-catalog.ts'
import { parseSchema } from '../schema/parse-schema.ts'
import type { FakerCatalog, SchemaOptions } from '../schema/types.ts'
import { importModule } from './import-module.ts'
import type * as JsonSchema from '@cfworker/json-schema'
import type * as OpenApiParser from '@readme/openapi-parser'
import type * as Upgrader from '@scalar/openapi-upgrader/2.0-to-3.0'
import type * as Yaml from 'yaml'

/** A file fauxrest reads as YAML (OpenAPI documents); everything else is JSON. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path)
}

/** Parses a YAML document; a syntax error is one line with file, line and column. */
export async function parseYamlText(text: string, file: string): Promise<unknown> {
  // Loaded on first use, as the parser below: together they cost schema files ~0.3 s of startup
  const { parse, YAMLParseError } = await importModule<typeof Yaml>('yaml')
  try {
    return parse(text, { maxAliasCount: 1000 })
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error
    const where = error.linePos?.[0]
    const position = where === undefined ? '' : `:${where.line}:${where.col}`
    const reason = error.message.split('\n')[0] ?? error.message
    throw new UserError(`${file}${position}: invalid YAML: ${reason}`, [], { cause: error })
  }
}

export async function parseDocumentText(text: string, file: string): Promise<unknown> {
  return isYamlPath(file) ? parseYamlText(text, file) : parseJsonText(text, file)
}

/** An OpenAPI (or Swagger) document, or a schema made from one by `fauxrest import`. */
export function isOpenApiSource(document: unknown): boolean {
  if (!isJsonObject(document)) return false
  if (typeof document['openapi'] === 'string' || typeof document['swagger'] === 'string')
    return true
  const kept = document['openapi']
  return document['resources'] !== undefined && isJsonObject(kept) && isJsonObject(kept['document'])
}

/** Turns a document into the fauxrest schema it is served as; `name` labels messages. */
export async function importDocument(
  document: Node,
  name: string,
  seed?: number,
): Promise<{ schema: Record<string, unknown>; warnings: readonly string[] }> {
  const upgraded = await fromSwagger(document)
  const resolved = await resolveRefs(upgraded, name)
  const imported = guard(name, () => importOpenApi(upgraded, resolved, seed))
  return { schema: imported.schema, warnings: imported.warnings }
}

/** Loads an OpenAPI document, or a schema that keeps one, as a schema with its binding. */
export async function loadOpenApi(
  source: Record<string, unknown>,
  name: string,
  catalog: FakerCatalog,
  options: SchemaOptions = {},
): Promise<LoadedSchema> {
  const kept = isJsonObject(source['openapi']) ? source['openapi']['document'] : undefined
  const document = isNode(kept) ? kept : await fromSwagger(source)
  const resolved = await resolveRefs(document, name)
  const imported =
    kept === undefined ? guard(name, () => importOpenApi(document, resolved)) : undefined
  const schema = imported?.schema ?? source
  const result = await checkWithCatalog(catalog, () => parseSchema(schema, catalog, options.idKey))
  if (!result.ok) throw new UserError(`${name}: invalid schema`, result.issues)
  const resources = new Set(result.schema.resources.keys())
  const { Validator } = await importModule<typeof JsonSchema>('@cfworker/json-schema')
  const checkBody = bodyChecker(Validator)
  const bound = guard(name, () => bindOpenApi(document, resolved, resources, checkBody))
  return {
    schema: result.schema,
    plainData: undefined,
    openapi: bound.binding,
    warnings: [...(imported?.warnings ?? []), ...(kept === undefined ? [] : bound.warnings)],
  }
}

/**
 * A Swagger 2.0 document as OpenAPI 3.0 (@scalar/openapi-upgrader: definitions, body and form
 * parameters, produces/consumes, host and basePath, security definitions); others as they are.
 */
export async function fromSwagger(document: Node): Promise<Node> {
  if (document['swagger'] !== '2.0') return document
  const { upgradeFromTwoToThree } = await importModule<typeof Upgrader>(
    '@scalar/openapi-upgrader/2.0-to-3.0',
  )
  // A copy: the upgrade rewrites the document in place.
  const upgraded: unknown = upgradeFromTwoToThree(structuredClone(document))
  return isNode(upgraded) ? upgraded : document
}

async function resolveRefs(document: Node, name: string): Promise<Node> {
  const { MissingPointerError, dereference } =
    await importModule<typeof OpenApiParser>('@readme/openapi-parser')
  try {
    // A copy: the parser resolves in place, and the document is served as written.
    const resolved: unknown = await dereference(structuredClone(document) as never, {
      resolve: { external: false },
    })
    if (!isNode(resolved)) throw new UserError(`${name}: not an OpenAPI document`)
    return resolved
  } catch (error) {
    if (error instanceof MissingPointerError) {
      const at = error.parentPath ?? '#'
      throw new UserError(`${name}: ${at}: unresolved $ref "${error.targetRef}"`, [], {
        cause: error,
      })
    }
    if (error instanceof UserError) throw error
    const message = error instanceof Error ? error.message : String(error)
    throw new UserError(`${name}: ${message.split('\n')[0] ?? message}`, [], { cause: error })
  }
}

function guard<T>(name: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof DocumentError)
      throw new UserError(`${name}: ${error.message}`, [], { cause: error })
    throw error
  }
}
