import type { JsonValue } from '../json.ts'

const OPEN = Buffer.from('{')
const CLOSE = Buffer.from('\n}\n')
const EMPTY = Buffer.from('{}\n')

/**
 * A resource's value as it appears nested one level deep in a file written with
 * `JSON.stringify(db, null, 2)`: JSON escapes newlines inside strings, so every newline is layout.
 */
export function serializeResource(value: JsonValue): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2).replaceAll('\n', '\n  '))
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
