import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../errors.ts'
import type { Middleware } from '../http/pipeline/middlewares.ts'
import { importModule } from './import-module.ts'

/**
 * Imports middleware modules (`--middlewares`): ES modules with a default export, or CommonJS
 * ones assigning `module.exports`, each a Hono middleware `(c, next) => …` or an array of them.
 */
export async function loadMiddlewares(
  files: readonly string[],
  cwd: string,
): Promise<Middleware[]> {
  const loaded: Middleware[] = []
  for (const file of files) {
    let module: unknown
    try {
      module = await importModule<unknown>(pathToFileURL(resolve(cwd, file)).href)
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      throw new UserError(`--middlewares ${file}: cannot load it: ${reason}`, [], { cause: error })
    }
    const exported = defaultExport(module)
    const list = Array.isArray(exported) ? exported : [exported]
    for (const candidate of list) loaded.push(middlewareOf(candidate, file))
  }
  return loaded
}

function defaultExport(module: unknown): unknown {
  return typeof module === 'object' && module !== null && 'default' in module
    ? module.default
    : module
}

function middlewareOf(candidate: unknown, file: string): Middleware {
  if (typeof candidate !== 'function') {
    throw new UserError(
      `--middlewares ${file}: must export a middleware function (c, next) => …, not ${typeof candidate}`,
    )
  }
  if (candidate.length >= 3) {
    throw new UserError(
      `--middlewares ${file}: exports an Express middleware (req, res, next); fauxrest runs Hono middleware (c, next) => …, see the README's "json-server flags"`,
    )
  }
  return candidate as Middleware
}
