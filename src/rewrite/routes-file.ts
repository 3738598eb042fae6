import { UserError, type Issue } from '../errors.ts'
import { isJsonObject, type JsonObject } from '../json.ts'
import { compileRewrite, type RewriteRule } from './compile-rewrite.ts'

/** A json-server routes file: what `GET /__rules` shows, and its rewrite rules in order. */
export type RoutesFile = { readonly rules: JsonObject; readonly rewrites: readonly RewriteRule[] }

export const NO_ROUTES: RoutesFile = { rules: {}, rewrites: [] }

/**
 * Checks a routes file (`{ "/api/*": "/$1" }`); every problem is listed in one UserError. Each
 * entry is read by its kind, so other kinds of entry (json-server-auth's `{ "posts": 640 }`) can
 * join the rewrites later.
 */
export function parseRoutesFile(value: unknown, file: string): RoutesFile {
  if (!isJsonObject(value)) {
    throw new UserError(`${file}: a routes file is a JSON object like {"/api/*": "/$1"}`)
  }
  const issues: Issue[] = []
  const rewrites: RewriteRule[] = []
  for (const [from, to] of Object.entries(value)) {
    if (typeof to !== 'string' || !from.startsWith('/')) {
      const message = 'must map a path starting with "/" to a path, like "/api/*": "/$1"'
      issues.push({ path: from, message })
      continue
    }
    const rule = compileRewrite(from, to)
    if ('error' in rule) issues.push({ path: from, message: rule.error })
    else rewrites.push(rule)
  }
  if (issues.length > 0) throw new UserError(`${file}: invalid routes file`, issues)
  return { rules: value, rewrites }
}
