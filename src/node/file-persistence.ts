import { basename, dirname, join } from 'node:path'
// Bound at import: test suites that fake the global timers must not stall the fold.
import { clearTimeout, setTimeout } from 'node:timers'
import { UserError } from '../errors.ts'
import type { Data } from '../json.ts'
import { parseJsonText } from '../json-text.ts'
import type { Change } from '../store/change.ts'
import { ChangeLog } from '../store/change-log.ts'
import { checkObject } from '../store/check-data.ts'
import { fsReason } from '../store/fs-reason.ts'
import type { Db, Persistence } from '../store/persistence.ts'
import { replayChanges } from '../store/replay-changes.ts'
import { tempPathFor, writeFileAtomic } from './atomic-write.ts'
import { NODE_FILE_SYSTEM } from './file-system.ts'
import type { AppendHandle, FileSystem } from './file-system.ts'
import { GroupCommit } from './group-commit.ts'
import { baseOf, decodeJournal, encodeChanges, encodeHeader } from './journal.ts'
import type { JournalBase } from './journal.ts'
import { fileChunks, serializeResource } from './serialize.ts'
import { removeStaleTemps } from './stale-temps.ts'
import { topLevelRanges } from './top-level-ranges.ts'

export type FilePersistenceOptions = {
  /** Absolute path of the database file. */
  readonly path: string
  /** The file as the user named it, for messages. */
  readonly label: string
  readonly fs?: FileSystem
  /** How long writes must have settled before the database file is brought up to date. */
  readonly settleMs?: number
  /** A journal this long is folded into the database file even while writes go on. */
  readonly journalLimit?: number
  /** The file's bytes and their parsed data, already read (a plain db that is its own schema). */
  readonly preloaded?: { readonly bytes: Uint8Array; readonly data: Data }
  /** The field that identifies a resource's items (`id` unless the schema says otherwise). */
  readonly idKeyOf?: (resource: string) => string
}

const BOM = [0xef, 0xbb, 0xbf]
const SETTLE_MS = 250
const JOURNAL_LIMIT = 64 * 1024 * 1024

/**
 * Persistence in a plain json-server file (`db.json`) and an append-only journal beside it
 * (`.db.json.journal`). A write appends the changes it has not saved yet to the journal and
 * syncs it (group commit: writes that arrive together share one append and one fdatasync), so it
 * costs what changed. Once writes settle, at shutdown, and when the journal grows long, the
 * database file is rewritten atomically (temp file, fsync, rename, fsync of the folder) with
 * only the changed resources serialised again, and the journal is emptied; after a clean
 * shutdown it is gone. On start the journal is replayed over the file it names (its header holds
 * that file's size and CRC-32), and a torn tail is dropped.
 */
export class FilePersistence implements Persistence {
  /** Absolute path of the database file, as given. */
  readonly path: string
  readonly #label: string
  readonly #fs: FileSystem
  readonly #settleMs: number
  readonly #journalLimit: number
  readonly #idKeyOf: (resource: string) => string
  #preloaded: FilePersistenceOptions['preloaded']
  readonly #group = new GroupCommit(() => this.#persist())
  #target: string
  #prepared: Promise<void> | undefined
  #mode = 0o666
  #db: Db | undefined
  /** Last log entry saved (in the journal or the database file). */
  #cursor = 0
  /** Each resource's bytes in the database file, computed when first needed. */
  #texts: () => ReadonlyMap<string, Uint8Array> = () => new Map()
  /** Resources whose bytes in the database file are out of date. */
  #stale = new Set<string>()
  #saved: readonly Uint8Array[] = []
  #base: JournalBase | undefined
  #journal: AppendHandle | undefined
  #journalSize = 0
  /** The journal on disk may hold lines this process did not write: fold before appending. */
  #foldFirst = true
  /** A journal may be on disk (unknown until the file is read). */
  #journalOnDisk = true
  #foldAsked = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #writes = 0

  constructor(options: FilePersistenceOptions) {
    this.path = options.path
    this.#target = options.path
    this.#label = options.label
    this.#fs = options.fs ?? NODE_FILE_SYSTEM
    this.#settleMs = options.settleMs ?? SETTLE_MS
    this.#journalLimit = options.journalLimit ?? JOURNAL_LIMIT
    this.#idKeyOf = options.idKeyOf ?? (() => 'id')
    this.#preloaded = options.preloaded
  }

  /** Completed durable writes: journal appends and database file rewrites. */
  get writes(): number {
    return this.#writes
  }

  /** The bytes of the database file as this process last read or wrote it, in pieces. */
  saved(): readonly Uint8Array[] {
    return this.#saved
  }

  get #journalPath(): string {
    return join(dirname(this.#target), `.${basename(this.#target)}.journal`)
  }

  async read(): Promise<Db | null> {
    await this.#prepare()
    let found: { readonly bytes: Uint8Array; readonly mode: number } | undefined
    let journal: Uint8Array | undefined
    try {
      for (let attempt = 1; ; attempt++) {
        found = await this.#fs.readFile(this.#target)
        journal = found && (await this.#fs.readFile(this.#journalPath))?.bytes
        if (found === undefined || journal === undefined || journal.length === 0) break
        // A server folding meanwhile (a reader beside it) renames the new file in before it
        // empties the journal: a journal naming another file may mean ours is already old.
        if (attempt === 3 || continues(journal, found.bytes)) break
      }
    } catch (error) {
      throw new UserError(`cannot read database ${this.#label}: ${fsReason(error)}`, [], {
        cause: error,
      })
    }
    if (found === undefined) {
      await this.#checkFolder()
      return null
    }
    const { bytes, mode } = found
    this.#mode = mode
    this.#saved = [bytes]
    const body = BOM.every((byte, at) => bytes[at] === byte) ? bytes.subarray(BOM.length) : bytes
    const preloaded = this.#preloaded
    this.#preloaded = undefined
    // Parsing 27 MiB twice (as the schema, then as the data) was a fifth of a plain db's startup.
    const value: unknown =
      preloaded !== undefined && sameBytes(preloaded.bytes, bytes)
        ? preloaded.data
        : parseJsonText(utf8Text(body), this.#label)
    // lowdb takes any falsy value (`null`, `0`) for a missing file, which would then be overwritten.
    checkObject(value, this.#label)
    let ranges: ReadonlyMap<string, Uint8Array> | undefined
    this.#texts = () => (ranges ??= topLevelRanges(body))
    let data: Data = value as Data
    if (journal !== undefined && journal.length > 0) {
      const { changes } = decodeJournal(journal)
      // A journal that names another file was folded into this one before a crash (or the file
      // was replaced while no server ran): it has nothing to add.
      if (continues(journal, bytes)) {
        data = replayChanges(data, changes, this.#idKeyOf)
        for (const change of changes) this.#stale.add(change.resource)
      }
    } else {
      this.#foldFirst = false
      this.#journalOnDisk = journal !== undefined
    }
    // The shape is checked against the schema by the store before it is used.
    return { data, log: new ChangeLog() }
  }

  write(db: Db): Promise<void> {
    this.#db = db
    this.#foldSoon(this.#settleMs)
    return this.#group.request()
  }

  /** Brings the database file up to date now (after the changes handed over so far). */
  async fold(): Promise<void> {
    if (this.#db === undefined) return
    this.#foldAsked = true
    await this.#group.request()
  }

  /** Saves what is left, rewrites the database file if it is behind, and removes the journal. */
  async close(): Promise<void> {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#timer = undefined
    await this.#group.idle()
    if (this.#db !== undefined && (this.#stale.size > 0 || this.#foldFirst)) {
      this.#foldAsked = true
      await this.#group.request()
    }
    const journal = this.#journal
    this.#journal = undefined
    await journal?.close()
    if (!this.#foldFirst && this.#journalOnDisk) await this.#fs.unlink(this.#journalPath)
  }

  async #prepare(): Promise<void> {
    this.#prepared ??= (async () => {
      try {
        this.#target = await this.#fs.realpath(this.path)
      } catch {
        // A file that does not exist yet is written where it was named.
      }
      await removeStaleTemps(this.#fs, this.#target)
    })()
    return this.#prepared
  }

  async #checkFolder(): Promise<void> {
    const folder = dirname(this.#target)
    let exists: boolean
    try {
      exists = await this.#fs.isDirectory(folder)
    } catch (error) {
      throw new UserError(`cannot open database ${this.#label}: ${fsReason(error)}`, [], {
        cause: error,
      })
    }
    if (!exists) {
      const named = dirname(this.#label)
      throw new UserError(`cannot open database ${this.#label}: folder ${named} does not exist`)
    }
  }

  /** Asks for the database file to be brought up to date after `ms` without writes. */
  #foldSoon(ms: number): void {
    if (this.#timer !== undefined) {
      this.#timer.refresh()
      return
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined
      if (this.#db === undefined) return
      this.#foldAsked = true
      // A failed rewrite leaves the journal as it was; the next write asks again.
      this.#group.request().catch(() => undefined)
    }, ms)
    this.#timer.unref()
  }

  async #persist(): Promise<void> {
    const db = this.#db
    if (db === undefined) return
    await this.#prepare()
    const head = db.log.head
    const changes = db.log.since(this.#cursor)
    // Whole resources (generated data, a reset, a reload) go straight into the database file.
    const fold =
      this.#foldAsked ||
      this.#foldFirst ||
      this.#saved.length === 0 ||
      this.#journalSize > this.#journalLimit ||
      changes.some(
        (change) => change.op === 'drop' || (change.op === 'set' && Array.isArray(change.value)),
      )
    this.#foldAsked = false
    if (fold) {
      if (changes.length === 0 && this.#stale.size === 0 && !this.#foldFirst) return
      for (const change of changes) this.#stale.add(change.resource)
      await this.#fold(db.data)
    } else {
      if (changes.length === 0) return
      await this.#append(changes)
      for (const change of changes) this.#stale.add(change.resource)
    }
    this.#cursor = head
    this.#writes++
  }

  async #append(changes: readonly Change[]): Promise<void> {
    const lines = encodeChanges(changes)
    let journal = this.#journal
    if (journal === undefined) {
      this.#base ??= baseOf(this.#saved)
      // Made beside and renamed into place: a reader sees the old journal or the new one.
      const temp = tempPathFor(this.#target)
      journal = await this.#fs.create(temp, this.#mode)
      try {
        const header = encodeHeader(this.#base)
        await journal.write([header])
        await journal.sync()
        await this.#fs.rename(temp, this.#journalPath)
        this.#journalOnDisk = true
        // The new journal's name must survive a power cut too.
        await this.#fs.syncDir(dirname(this.#target))
        this.#journalSize = header.length
      } catch (error) {
        await journal.close().catch(() => undefined)
        await this.#fs.unlink(temp).catch(() => undefined)
        throw error
      }
      this.#journal = journal
    }
    const size = this.#journalSize
    try {
      await journal.write(lines)
      await journal.sync()
    } catch (error) {
      // Cut the journal back to its last whole batch, or start a new one after the next fold.
      await journal.truncate(size).catch(() => this.#dropJournal())
      throw error
    }
    for (const line of lines) this.#journalSize += line.length
  }

  /** Rewrites the database file from memory, then empties the journal it makes redundant. */
  async #fold(data: Data): Promise<void> {
    const texts = this.#texts()
    const entries: [string, Uint8Array][] = []
    for (const name of Object.keys(data)) {
      let bytes = this.#stale.has(name) ? undefined : texts.get(name)
      bytes ??= serializeResource(data[name] ?? null)
      entries.push([name, bytes])
    }
    const chunks = fileChunks(entries)
    await writeFileAtomic(this.#fs, this.#target, chunks, this.#mode)
    const written = new Map(entries)
    this.#texts = () => written
    this.#saved = chunks
    this.#stale = new Set()
    this.#base = baseOf(chunks)
    // The journal names the file before this one now, so a crash from here on ignores it.
    this.#foldFirst = false
    // The journal is folded in now. It goes only once the new file's name is on stable storage
    // (writeFileAtomic synced the folder): a journal lost before that would lose its changes,
    // one kept after it could replay them over a file a reset made equal to the one it names.
    const journal = this.#journal
    this.#journal = undefined
    this.#journalSize = 0
    await journal?.close().catch(() => undefined)
    if (this.#journalOnDisk) {
      await this.#fs.unlink(this.#journalPath)
      await this.#fs.syncDir(dirname(this.#target))
      this.#journalOnDisk = false
    }
  }

  /** Stops using the open journal: the next write folds, then starts a fresh one. */
  #dropJournal(): void {
    const journal = this.#journal
    this.#journal = undefined
    this.#journalSize = 0
    this.#foldFirst = true
    journal?.close().catch(() => undefined)
  }
}

/** Whether the journal continues this file (its header names the file's size and CRC-32). */
function continues(journal: Uint8Array, file: Uint8Array): boolean {
  const { base } = decodeJournal(journal)
  if (base === undefined || base.size !== file.byteLength) return false
  return base.crc === baseOf([file]).crc
}

/** Decodes in place: `Buffer.from(bytes)` copied the 27 MiB file first (16 ms of a 490 ms start). */
function utf8Text(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** Compares in place: `Buffer.from(bytes)` would copy a 27 MiB file first. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}
