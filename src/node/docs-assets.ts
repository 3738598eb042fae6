import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { AssetFile } from '../http/route.ts'

// The only files of swagger-ui-dist the docs page needs; nothing else is ever served from it.
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui-standalone-preset.js', 'text/javascript; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
  ['favicon-16x16.png', 'image/png'],
])

/** The file names `docsAssetPath` serves. */
export const DOCS_ASSET_NAMES: readonly string[] = [...CONTENT_TYPES.keys()]

let packageDir: string | undefined

function swaggerUiDir(): string {
  packageDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  return packageDir
}

/**
 * The absolute path of a docs asset inside the installed swagger-ui-dist package, or `undefined`
 * for any name that is not exactly one of `DOCS_ASSET_NAMES` (so no path can escape the package).
 */
export function docsAssetPath(name: string): string | undefined {
  return CONTENT_TYPES.has(name) ? join(swaggerUiDir(), name) : undefined
}

/** The `Content-Type` to serve a docs asset with, or `undefined` for an unknown name. */
export function docsAssetContentType(name: string): string | undefined {
  return CONTENT_TYPES.get(name)
}

/** Reads a docs asset from the installed swagger-ui-dist package; `undefined` for unknown names. */
export async function readDocsAsset(name: string): Promise<AssetFile | undefined> {
  const path = docsAssetPath(name)
  const type = docsAssetContentType(name)
  if (path === undefined || type === undefined) return undefined
  return { body: new Uint8Array(await readFile(path)), type }
}
