import { UserError, type Issue } from '../errors.ts'
import { isJsonObject, type JsonObject } from '../json.ts'
import { compileRewrite, type RewriteRule } from './compile-rewrite.ts'

/**
 * A json-server routes file: what `GET /__rules` shows, its rewrite rules in order, and
 * json-server-auth's guards (`"posts": 640`: resource name to guard mode).
 */
export type RoutesFile = {
  readonly rules: JsonObject
  readonly rewrites: readonly RewriteRule[]
  readonly guards: Readonly<Record<string, string>>
}

// json-server-auth's guard modes: three digits, each 6, 4 or 0.
const GUARD = /^[640]{3}$/

export const NO_ROUTES: RoutesFile = { rules: {}, rewrites: [], guards: {} }

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
  const guards: Record<string, string> = {}
  for (const [from, to] of Object.entries(value)) {
    if (!from.startsWith('/') && GUARD.test(String(to))) {
      guards[from] = String(to)
      continue
    }
    if (typeof to !== 'string' || !from.startsWith('/')) {
      const message =
        'must map a path starting with "/" to a path, like "/api/*": "/$1", or a resource to a guard, like "posts": 640'
      issues.push({ path: from, message })
      continue
    }
    const rule = compileRewrite(from, to)
    if ('error' in rule) issues.push({ path: from, message: rule.error })
    else rewrites.push(rule)
  }
  if (issues.length > 0) throw new UserError(`${file}: invalid routes file`, issues)
  return { rules: value, rewrites, guards }
}
