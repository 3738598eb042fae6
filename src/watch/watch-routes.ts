import { isDeepStrictEqual } from 'node:util'
import { loadRoutesFile } from '../node/load-routes.ts'
import type { RouteRules } from '../rewrite/route-rules.ts'
import type { RoutesFile } from '../rewrite/routes-file.ts'
import { watchFiles, type FileWatcher } from './watch-files.ts'

export type WatchRoutesOptions = {
  /** The file as the user should read it. */
  readonly label: string
  /** One line per reload, for the request log. */
  readonly log: (line: string) => void
  /** A routes file that cannot be used; the server keeps the rules it had. */
  readonly warn: (error: unknown, keeping: string) => void
  readonly debounceMs?: number
  /** Refuses a routes file the server cannot use (throws), before it replaces the current one. */
  readonly check?: (next: RoutesFile) => void
  /** The guards (`"posts": 640`) changed: auth reads them when the mock opens. */
  readonly guardsChanged?: () => Promise<void>
}

/** Reloads a routes file into the running server when it changes on disk (`--watch`). */
export function watchRoutes(
  file: string,
  rules: RouteRules,
  options: WatchRoutesOptions,
): FileWatcher {
  let queue = Promise.resolve()
  const reload = async (): Promise<void> => {
    const previous = rules.current
    try {
      const next = await loadRoutesFile(file)
      options.check?.(next)
      rules.replace(next)
    } catch (error) {
      options.warn(error, 'the previous routes')
      return
    }
    const count = rules.current.rewrites.length
    options.log(`reloaded ${options.label} (${count} rule${count === 1 ? '' : 's'})`)
    if (!isDeepStrictEqual(previous.guards, rules.current.guards)) await options.guardsChanged?.()
  }
  return watchFiles([file], () => (queue = queue.then(reload)), {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onError: (error) => options.warn(error, 'serving without watching it'),
  })
}
