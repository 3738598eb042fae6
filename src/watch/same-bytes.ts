/** Whether `bytes` holds exactly the concatenation of `pieces`, without joining them. */
export function sameBytes(bytes: Uint8Array, pieces: readonly Uint8Array[]): boolean {
  let length = 0
  for (const piece of pieces) length += piece.byteLength
  if (length !== bytes.byteLength) return false
  let offset = 0
  for (const piece of pieces) {
    const slice = bytes.subarray(offset, offset + piece.byteLength)
    if (Buffer.compare(slice, piece) !== 0) return false
    offset += piece.byteLength
  }
  return true
}
