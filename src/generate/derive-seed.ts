const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/**
 * A resource's own faker seed: a 32-bit FNV-1a hash of `${seed}:${name}`, so adding or
 * removing a resource leaves the data of every other resource unchanged.
 */
export function deriveSeed(seed: number, name: string): number {
  const text = `${seed}:${name}`
  let hash = FNV_OFFSET
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, FNV_PRIME)
  }
  return hash >>> 0
}
