const CRLF = Buffer.from('\r\n')

// Framed once for every stream that writes the same bytes (a flush hands most streams one shared
// buffer): 1,000 streams cost one copy, not 1,000.
const framed = new WeakMap<Uint8Array, Buffer>()

/**
 * `bytes` as one HTTP/1.1 chunk (`<size in hex>\r\n<bytes>\r\n`), in one buffer, so a stream
 * writes it to its socket in one call.
 */
export function chunkFrame(bytes: Uint8Array | string): Buffer {
  if (typeof bytes === 'string') return frame(Buffer.from(bytes))
  const known = framed.get(bytes)
  if (known !== undefined) return known
  const chunk = frame(bytes)
  framed.set(bytes, chunk)
  return chunk
}

function frame(bytes: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, CRLF])
}
