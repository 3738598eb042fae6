import { randomUUID, getRandomValues } from 'node:crypto'
import type { Id, Row } from '../json.ts'
import type { IdStrategy } from '../schema/types.ts'

const NANOID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** A 21-character URL-safe random id; 64 symbols divide 256, so masking a byte stays uniform. */
export function nanoid(size = 21): string {
  const bytes = getRandomValues(new Uint8Array(size))
  let id = ''
  for (const byte of bytes) id += NANOID_ALPHABET[byte & 63]
  return id
}

export function randomId(strategy: Exclude<IdStrategy, 'integer'>): string {
  return strategy === 'uuid' ? randomUUID() : nanoid()
}

/** One more than the largest integer id among the rows (1 when there is none). */
export function nextIntegerId(rows: readonly Row[]): number {
  let max = 0
  for (const row of rows) {
    const id = row['id']
    if (typeof id === 'number' && Number.isInteger(id) && id > max) max = id
  }
  return max + 1
}

/** The counter after a row with this id was stored: never moves backwards. */
export function advanceCounter(counter: number, id: Id): number {
  return typeof id === 'number' && Number.isInteger(id) && id >= counter ? id + 1 : counter
}
