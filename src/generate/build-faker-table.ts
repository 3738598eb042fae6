import { parseSchema } from '../schema/parse-schema.ts'
import type { FakerCatalog } from '../schema/types.ts'
import { createFakerCatalog, fakerPaths } from './faker-catalog.ts'
import { callKey, stringsKey, type FakerTable } from './faker-table.ts'

type Types = Record<string, FakerTable['types'][string]>
type Strings = Record<string, FakerTable['strings'][string]>

/**
 * The table of this faker (scripts/bundle-bin.mjs builds it into the command line): every public
 * method called without args, and every call and string constraint the schema `documents` ask
 * about, with the answers sampling gives.
 */
export function buildFakerTable(documents: readonly unknown[], fakerVersion: string): FakerTable {
  const catalog = createFakerCatalog()
  const types: Types = {}
  const strings: Strings = {}
  const recording: FakerCatalog = {
    has: (path) => catalog.has(path),
    suggest: (path) => catalog.suggest(path),
    sampleType(call) {
      const answer = catalog.sampleType(call)
      types[callKey(call)] = answer ?? null
      return answer
    },
    stringsProblem(constraints) {
      const answer = catalog.stringsProblem(constraints)
      strings[stringsKey(constraints)] = answer ?? null
      return answer
    },
  }
  const paths = fakerPaths()
  for (const path of paths) recording.sampleType({ path, args: [] })
  for (const document of documents) parseSchema(document, recording)
  return { fakerVersion, paths, types, strings }
}
