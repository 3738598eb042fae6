import { isIntegerId, type Id, type Row } from '../json.ts'
import type { IdStrategy } from '../schema/types.ts'

const NANOID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** A 21-character URL-safe random id; 64 symbols divide 256, so masking a byte stays uniform. */
export function nanoid(size = 21): string {
  const bytes = crypto.getRandomValues(new Uint8Array(size))
  let id = ''
  for (const byte of bytes) id += NANOID_ALPHABET[byte & 63]
  return id
}

export function randomId(strategy: Exclude<IdStrategy, 'integer'>): string {
  return strategy === 'uuid' ? crypto.randomUUID() : nanoid()
}

/**
 * One more than the largest integer id among the rows (1 when there is none). `"7"` counts as 7:
 * the index keys ids as text, so a new 7 would collide with it.
 */
export function nextIntegerId(rows: readonly Row[], idKey: string): number {
  let max = 0
  for (const row of rows) {
    const id = row[idKey]
    if (isIntegerId(id) && Number(id) > max) max = Number(id)
  }
  return max + 1
}

/** The counter after a row with this id was stored: never moves backwards. */
export function advanceCounter(counter: number, id: Id): number {
  return isIntegerId(id) && Number(id) >= counter ? Number(id) + 1 : counter
}

/** Whether new integer ids are written as text: when the last item with an id has `"1"`-style ids. */
export function textIds(rows: readonly Row[], idKey: string): boolean {
  for (let at = rows.length - 1; at >= 0; at--) {
    const id = rows[at]?.[idKey]
    if (id !== undefined) return typeof id === 'string'
  }
  return false
}
