/**
 * A 64-bit hash of a text's UTF-16 code units or of bytes, as 16 hex digits: the ETag of an answer.
 * Two independent 32-bit multiply-xorshift lanes (the cyrb53 construction, kept to 64 bits).
 * Written here rather than using crypto.subtle, which is asynchronous (the read path answers
 * synchronously), or node:crypto, which the runtime-neutral app cannot import. Measured on Node 20
 * against node:crypto's SHA-1 (which the app used before): a 300-character item 0.37 µs vs 0.80 µs,
 * a 700 kB list's bytes 0.18 ms vs 0.33 ms.
 */
export function contentHash(content: string | Uint8Array): string {
  let a = 0xdeadbeef ^ content.length
  let b = 0x41c6ce57 ^ content.length
  // Two code units or four bytes per step: a quarter of the steps over bytes.
  if (typeof content === 'string') {
    const end = content.length - 1
    let index = 0
    for (; index < end; index += 2) {
      const unit = content.charCodeAt(index) | (content.charCodeAt(index + 1) << 16)
      a = Math.imul(a ^ unit, 2654435761)
      b = Math.imul(b ^ unit, 1597334677)
    }
    if (index === end) {
      const unit = content.charCodeAt(index)
      a = Math.imul(a ^ unit, 2654435761)
      b = Math.imul(b ^ unit, 1597334677)
    }
  } else {
    const words = content.byteOffset % 4 === 0 ? content.byteLength >>> 2 : 0
    const view = new Int32Array(content.buffer, content.byteOffset, words)
    for (let index = 0; index < words; index++) {
      const unit = view[index] ?? 0
      a = Math.imul(a ^ unit, 2654435761)
      b = Math.imul(b ^ unit, 1597334677)
    }
    for (let index = words * 4; index < content.byteLength; index++) {
      const unit = content[index] ?? 0
      a = Math.imul(a ^ unit, 2654435761)
      b = Math.imul(b ^ unit, 1597334677)
    }
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909)
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909)
  return hex(a) + hex(b)
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0')
}
