import type { Access } from '../../auth/access.ts'
import { allows } from '../../auth/may-read.ts'
import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { Row } from '../../json.ts'
import { splitUrl } from '../request/path-segments.ts'
import { notFound } from '../routing/not-found.ts'
import type { Target } from '../routing/resolve-target.ts'
import { ruleOf, type RequestAuth } from './request-auth.ts'
import { unauthorized } from './tokens.ts'

type Rows = { get(resource: string, id: string): Row | undefined }

/**
 * The guard stage: 401 when the rule needs a logged-in caller and the request has none (or a bad
 * token), 403 when the rule says no, 404 for a nested path through a parent the caller may not
 * read. HEAD and OPTIONS pass, as in json-server-auth. Owner checks on the item a write changes
 * run later, after its 404 and preconditions (see write-guard.ts).
 */
export function guardTarget(c: Context, target: Target, auth: RequestAuth, rows: Rows): void {
  const method = c.req.method
  if (method === 'HEAD' || method === 'OPTIONS') return
  if (target.kind !== 'single') {
    for (const parent of target.parents) {
      const row = rows.get(parent.resource, String(parent.id))
      if (row === undefined || !auth.visibility.visible(parent.resource, row)) {
        throw notFound(splitUrl(c.req.url).pathname)
      }
    }
  }
  const name = target.resource.name
  const rule = ruleOf(auth, name)
  if (method !== 'GET') {
    require(auth, rule.write, 'write')
    return
  }
  if (target.kind !== 'item' || target.row === undefined) {
    require(auth, rule.read, 'read')
    return
  }
  if (allows(rule.read, auth.config, name, target.row, auth.caller)) return
  require(auth, rule.read, 'read')
  throw new AppError('forbidden', 'Private resource access: the item belongs to another user.')
}

/** Logged in when the level needs it (401), and not `nobody` (403). */
export function require(auth: RequestAuth, access: Access, what: 'read' | 'write'): void {
  if (access === 'anyone') return
  if (access === 'nobody') {
    const message = what === 'write' ? 'Read only: nobody may write here.' : 'Nobody may read here.'
    throw new AppError('forbidden', message)
  }
  if (auth.caller === undefined) throw unauthorized(auth.state)
}
