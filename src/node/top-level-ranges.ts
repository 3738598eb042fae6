const QUOTE = 0x22
const BACKSLASH = 0x5c
const COLON = 0x3a
const COMMA = 0x2c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/**
 * Where each top-level member's value lies in the bytes of a valid JSON object (checked by
 * JSON.parse first). Structural characters are ASCII and never occur inside a multi-byte UTF-8
 * sequence, so bytes can be scanned directly. A repeated key keeps its last value, as JSON.parse does.
 */
export function topLevelRanges(bytes: Uint8Array): Map<string, Uint8Array> {
  const ranges = new Map<string, Uint8Array>()
  const decoder = new TextDecoder()
  let at = skipSpace(bytes, 0) + 1
  for (;;) {
    at = skipSpace(bytes, at)
    if (bytes[at] !== QUOTE) break
    const keyEnd = stringEnd(bytes, at)
    const key: unknown = JSON.parse(decoder.decode(bytes.subarray(at, keyEnd)))
    at = skipSpace(bytes, keyEnd)
    if (bytes[at] !== COLON) break
    const start = skipSpace(bytes, at + 1)
    const end = valueEnd(bytes, start)
    if (typeof key === 'string') ranges.set(key, bytes.subarray(start, end))
    at = skipSpace(bytes, end)
    if (bytes[at] !== COMMA) break
    at++
  }
  return ranges
}

function skipSpace(bytes: Uint8Array, from: number): number {
  let at = from
  while (at < bytes.length) {
    const byte = bytes[at]
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) break
    at++
  }
  return at
}

/** `from` is an opening quote; returns the index after the closing one. */
function stringEnd(bytes: Uint8Array, from: number): number {
  let at = from + 1
  for (;;) {
    const quote = bytes.indexOf(QUOTE, at)
    if (quote === -1) return bytes.length
    let backslashes = 0
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return quote + 1
    at = quote + 1
  }
}

function valueEnd(bytes: Uint8Array, from: number): number {
  const first = bytes[from]
  if (first === QUOTE) return stringEnd(bytes, from)
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let at = from
    while (at < bytes.length) {
      const byte = bytes[at]
      if (byte === COMMA || byte === CLOSE_BRACE || byte === 0x20 || byte === 0x0a) break
      if (byte === 0x0d || byte === 0x09) break
      at++
    }
    return at
  }
  let depth = 0
  let at = from
  while (at < bytes.length) {
    const byte = bytes[at]
    if (byte === QUOTE) {
      at = stringEnd(bytes, at)
      continue
    }
    if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--
      if (depth === 0) return at + 1
    }
    at++
  }
  return at
}
