import type { JsonValue } from '../json.ts'

const OPEN = Buffer.from('{')
const CLOSE = Buffer.from('\n}\n')
const EMPTY = Buffer.from('{}\n')

// Nested under a key, JSON.stringify already indents the value as the file needs it; this is
// much faster than indenting a top-level serialisation afterwards.
const NESTED_HEAD = Buffer.byteLength('{\n  "": ')
const NESTED_TAIL = Buffer.byteLength('\n}')

/** A resource's value as it appears nested one level deep in `JSON.stringify(db, null, 2)`. */
export function serializeResource(value: JsonValue): Buffer {
  const bytes = Buffer.from(JSON.stringify({ '': value }, null, 2))
  return bytes.subarray(NESTED_HEAD, bytes.length - NESTED_TAIL)
}

export function parseResource(bytes: Uint8Array): JsonValue {
  return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
}

/** The pieces of the whole file, in order: written with one writev, never joined into one string. */
export function fileChunks(entries: readonly (readonly [string, Uint8Array])[]): Uint8Array[] {
  if (entries.length === 0) return [EMPTY]
  const chunks: Uint8Array[] = [OPEN]
  entries.forEach(([name, bytes], position) => {
    chunks.push(Buffer.from(`${position === 0 ? '' : ','}\n  ${JSON.stringify(name)}: `), bytes)
  })
  chunks.push(CLOSE)
  return chunks
}
