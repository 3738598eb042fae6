import type { FakerCatalog } from '../schema/types.ts'
import { FAKER_TABLE } from './bundled-faker-table.ts'
import { callKey, stringsKey, type FakerTable } from './faker-table.ts'
import { suggestPath } from './suggest-path.ts'

/**
 * A faker catalog that loads faker only when it must. It answers from `table` (the one built into
 * the command-line bundle, by default); a question the table lacks gets a stand-in answer and
 * `missed()` turns true, so the check runs again after `load()` (checkWithCatalog), which
 * imports faker to sample. Starting a server on a schema whose calls the table holds, on a
 * database that needs no generating, never loads faker.
 */
export function createLazyFakerCatalog(table: FakerTable | undefined = FAKER_TABLE): FakerCatalog {
  let full: FakerCatalog | undefined
  let missed = false
  const paths = table === undefined ? undefined : new Set(table.paths)
  const allPaths = table?.paths ?? []

  const stand = <T>(answer: T): T => {
    missed = true
    return answer
  }

  return {
    has(path) {
      if (full !== undefined) return full.has(path)
      return paths === undefined ? stand(true) : paths.has(path)
    },
    suggest(path) {
      if (full !== undefined || table === undefined) return full?.suggest(path) ?? stand(undefined)
      return suggestPath(path, allPaths)
    },
    sampleType(call) {
      if (full !== undefined) return full.sampleType(call)
      const known = table?.types[callKey(call)]
      if (known === undefined) return stand(undefined)
      return known ?? undefined
    },
    stringsProblem(constraints) {
      if (full !== undefined) return full.stringsProblem(constraints)
      const known = table?.strings[stringsKey(constraints)]
      if (known === undefined) return stand(undefined)
      return known ?? undefined
    },
    missed: () => missed,
    async load() {
      if (full !== undefined) return
      const { createFakerCatalog } = await import('./faker-catalog.ts')
      full = createFakerCatalog()
      missed = false
    },
  }
}
