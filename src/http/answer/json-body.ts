import type { JsonValue } from '../../json.ts'
import { contentHash } from './content-hash.ts'

/**
 * A serialised answer, pretty-printed as json-server and JSONPlaceholder do, with its ETag. Large
 * bodies are kept as UTF-8 bytes, so a cached list is not encoded again for every answer.
 */
export type JsonBody = {
  readonly payload: string | Uint8Array<ArrayBuffer>
  /** Characters (string payloads) or bytes: what a cache counts. */
  readonly size: number
  readonly etag: string
}

const BYTES_FROM = 16 * 1024
// Measured on Node 20 for a 700 kB list: 0.12 ms, against 0.25 ms for Buffer.from.
const encoder = new TextEncoder()

export function toJsonBody(value: JsonValue): JsonBody {
  const text = JSON.stringify(value, null, 2)
  if (text.length < BYTES_FROM) return { payload: text, size: text.length, etag: etagOf(text) }
  const bytes = encoder.encode(text)
  return { payload: bytes, size: bytes.byteLength, etag: etagOf(bytes) }
}

export function etagOf(content: string | Uint8Array): string {
  return `"${contentHash(content)}"`
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
