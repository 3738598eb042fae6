import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { UserError } from '../errors.ts'
import { importModule } from './import-module.ts'

const URL_SOURCE = /^https?:\/\//i
const MODULE_SOURCE = /\.[cm]?js$/i

/** Whether `file` is one of json-server's other db sources: a JavaScript module or a URL. */
export function isDbSource(file: string): boolean {
  return URL_SOURCE.test(file) || MODULE_SOURCE.test(file)
}

/**
 * json-server's other db sources, read once: a JavaScript module (ES or CommonJS) exporting a
 * function that returns the database (or a promise of it), or the database itself; or a URL that
 * answers it as JSON. The result is plain JSON (dates become their text, as in an answer).
 */
export async function loadDbSource(file: string, cwd: string): Promise<unknown> {
  const value = URL_SOURCE.test(file) ? await fetchDb(file) : await runModule(file, cwd)
  try {
    const text = JSON.stringify(value)
    if (text === undefined) throw new Error('nothing to serve')
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new UserError(`${file}: the database is not JSON data: ${reasonOf(error)}`, [], {
      cause: error,
    })
  }
}

async function runModule(file: string, cwd: string): Promise<unknown> {
  let module: unknown
  try {
    module = await importModule<unknown>(pathToFileURL(resolve(cwd, file)).href)
  } catch (error) {
    throw new UserError(`${file}: cannot load it: ${reasonOf(error)}`, [], { cause: error })
  }
  const exported =
    typeof module === 'object' && module !== null && 'default' in module ? module.default : module
  if (typeof exported !== 'function') return exported
  try {
    return (await exported()) as unknown
  } catch (error) {
    throw new UserError(`${file}: its function failed: ${reasonOf(error)}`, [], { cause: error })
  }
}

async function fetchDb(url: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } })
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
    throw new UserError(`cannot fetch ${url}: ${reasonOf(cause)}`, [], { cause: error })
  }
  if (!response.ok) throw new UserError(`cannot fetch ${url}: it answered ${response.status}`)
  const text = await response.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new UserError(`${url}: the answer is not JSON`)
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)
}
