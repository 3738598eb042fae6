import type { Id } from '../json.ts'
import { atBase } from './base-path.ts'

/** `/api/posts/7`: the path of a resource (or one of its items) as a client requests it. */
export function resourcePath(base: string, resource: string, id?: Id): string {
  const path = `/${encodeURIComponent(resource)}`
  return atBase(base, id === undefined ? path : `${path}/${encodeURIComponent(String(id))}`)
}
