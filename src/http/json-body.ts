import { createHash } from 'node:crypto'
import type { JsonValue } from '../json.ts'

/** A serialised answer: pretty-printed as json-server and JSONPlaceholder do, with its ETag. */
export type JsonBody = { readonly text: string; readonly etag: string }

export function toJsonBody(value: JsonValue): JsonBody {
  const text = JSON.stringify(value, null, 2)
  return { text, etag: etagOf(text) }
}

export function etagOf(text: string): string {
  return `"${createHash('sha1').update(text).digest('base64url')}"`
}

// Stored rows are never mutated in place, so a row object's serialisation stays valid for its lifetime.
const rowBodies = new WeakMap<object, JsonBody>()

export function rowBody(row: JsonValue & object): JsonBody {
  let body = rowBodies.get(row)
  if (body === undefined) {
    body = toJsonBody(row)
    rowBodies.set(row, body)
  }
  return body
}

/** RFC 9110 list matching for If-None-Match / If-Match (weak comparison is enough for both here). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const value = header.trim()
  if (value === '*') return true
  const bare = etag.replace(/^W\//, '')
  return value.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}
