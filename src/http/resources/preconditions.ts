import type { Context } from 'hono'
import { AppError } from '../../errors.ts'
import type { JsonObject, Row } from '../../json.ts'
import { matchesEtag, rowBody } from '../answer/json-body.ts'
import { splitUrl } from '../request/path-segments.ts'
import { requestHeader } from '../request/request-header.ts'
import { notFound } from '../routing/not-found.ts'
import type { Target } from '../routing/resolve-target.ts'

/** The item an item path names, or a 404 naming the path. */
export function existing(c: Context, target: Target & { kind: 'item' }): Row {
  if (target.row === undefined) throw notFound(splitUrl(c.req.url).pathname)
  return target.row
}

/**
 * RFC 9110 preconditions of a write on `current`: `If-Match` must match its ETag and
 * `If-None-Match` must not (`*` matches any item); otherwise 412 and nothing changes.
 */
export function checkPreconditions<T extends JsonObject>(c: Context, current: T): T {
  const ifMatch = requestHeader(c, 'if-match')
  const ifNoneMatch = requestHeader(c, 'if-none-match')
  // The ETag costs a serialisation of the item: only a write that names one pays for it.
  if (ifMatch === undefined && ifNoneMatch === undefined) return current
  const etag = rowBody(current).etag
  if (ifMatch !== undefined && !matchesEtag(ifMatch, etag)) {
    throw new AppError('precondition_failed', 'The item has changed since it was read (If-Match).')
  }
  if (matchesEtag(ifNoneMatch, etag)) {
    throw new AppError('precondition_failed', 'The item matches If-None-Match.')
  }
  return current
}
