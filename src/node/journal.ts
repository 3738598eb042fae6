import { crc32 } from 'node:zlib'
import { storedChange, type Change } from '../store/change.ts'

/** Which database file a journal continues: its size and CRC-32 when the journal began. */
export type JournalBase = { readonly size: number; readonly crc: number }

const NEWLINE = 0x0a
const SPACE = 0x20
const HEADER = 'fauxrest-journal'

/**
 * A journal is lines of `<crc32 as 8 hex digits> <json>`: a header naming the database file it
 * continues, then one change per line. Appends are the only writes, so a power cut can tear
 * only the last line, which the checksum catches.
 */
export function encodeHeader(base: JournalBase): Buffer {
  return line(JSON.stringify({ [HEADER]: 1, size: base.size, crc: base.crc }))
}

export function encodeChanges(changes: readonly Change[]): Buffer[] {
  return changes.map((change) => line(JSON.stringify(storedChange(change))))
}

function line(json: string): Buffer {
  const body = Buffer.from(json)
  const head = Buffer.from(`${crc32(body).toString(16).padStart(8, '0')} `)
  return Buffer.concat([head, body, Buffer.from('\n')])
}

export type ReadJournal = {
  readonly base: JournalBase | undefined
  readonly changes: Change[]
  /** Bytes of whole, intact lines from the start; what follows is a torn tail. */
  readonly intact: number
}

/** The header and the changes of a journal, up to the first line that is torn or damaged. */
export function decodeJournal(bytes: Uint8Array): ReadJournal {
  const changes: Change[] = []
  let base: JournalBase | undefined
  let at = 0
  while (at < bytes.length) {
    const end = bytes.indexOf(NEWLINE, at)
    if (end === -1) break
    const value = checkedLine(bytes.subarray(at, end))
    if (value === undefined) break
    if (at === 0) {
      base = asBase(value)
      if (base === undefined) break
    } else {
      changes.push(value as Change)
    }
    at = end + 1
  }
  return { base, changes, intact: base === undefined ? 0 : at }
}

function checkedLine(bytes: Uint8Array): unknown {
  if (bytes.length < 10 || bytes[8] !== SPACE) return undefined
  const expected = Number.parseInt(Buffer.from(bytes.subarray(0, 8)).toString('latin1'), 16)
  const body = bytes.subarray(9)
  if (!Number.isInteger(expected) || crc32(body) !== expected) return undefined
  try {
    return JSON.parse(Buffer.from(body).toString('utf8'))
  } catch {
    return undefined
  }
}

function asBase(value: unknown): JournalBase | undefined {
  if (typeof value !== 'object' || value === null || !(HEADER in value)) return undefined
  const { size, crc } = value as { size?: unknown; crc?: unknown }
  return typeof size === 'number' && typeof crc === 'number' ? { size, crc } : undefined
}

/** The CRC-32 and size of a file given in pieces. */
export function baseOf(chunks: readonly Uint8Array[]): JournalBase {
  let crc = 0
  let size = 0
  for (const chunk of chunks) {
    crc = crc32(chunk, crc)
    size += chunk.byteLength
  }
  return { size, crc }
}
