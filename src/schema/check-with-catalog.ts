import type { FakerCatalog } from './types.ts'

/**
 * Runs a schema check with `catalog`, and once more after loading faker when the catalog had to
 * stand in for an answer its table lacks: the second run's result (or error) is the exact one.
 */
export async function checkWithCatalog<T>(catalog: FakerCatalog, check: () => T): Promise<T> {
  try {
    const result = check()
    if (catalog.missed?.() !== true) return result
  } catch (error) {
    // Unless a stand-in answer may be why it failed.
    if (catalog.missed?.() !== true) throw error
  }
  await catalog.load?.()
  return check()
}
