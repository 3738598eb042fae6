import { closest } from '../schema/suggest.ts'

/** The `module.method` among `paths` closest to a typo, if one is close enough. */
export function suggestPath(path: string, paths: readonly string[]): string | undefined {
  const direct = closest(path, paths)
  if (direct !== undefined) return direct
  // A method that moved to another module (faker 10 folded `name` into `person`)
  const parts = path.split('.')
  const method = parts.length === 2 && parts[1] !== undefined ? parts[1] : path
  const sameMethod = paths.filter((p) => p.endsWith(`.${method}`))
  const candidates = sameMethod.length > 0 ? sameMethod : paths
  const byMethod = closest(
    method,
    candidates.map((p) => p.slice(p.indexOf('.') + 1)),
  )
  if (byMethod === undefined) return undefined
  return candidates.find((p) => p.endsWith(`.${byMethod}`))
}
