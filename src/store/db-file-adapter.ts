import { open, realpath } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { UserError } from '../errors.ts'
import type { Data } from '../json.ts'
import { parseJsonText } from '../json-text.ts'
import { checkObject } from './check-data.ts'
import { NODE_FILE_OPS, tempPathFor, writeFileAtomic } from './atomic-write.ts'
import type { FileOps } from './atomic-write.ts'
import { errorCode, fsReason } from './fs-reason.ts'
import { GroupCommit } from './group-commit.ts'
import { fileChunks, serializeResource } from './serialize.ts'
import { removeStaleTemps } from './stale-temps.ts'
import { topLevelRanges } from './top-level-ranges.ts'

/** The bytes of each top-level resource as they stand in the file. */
export type ResourceTexts = ReadonlyMap<string, Uint8Array>

const BOM = [0xef, 0xbb, 0xbf]

/**
 * lowdb adapter for the database file. Writes are group-committed and atomic, and only the
 * resources named by `touch` since the last write are serialised again; the others reuse the
 * bytes already on disk. A failed write reports every resource it and the waiting write would
 * have saved to `onFailure`, so the store can restore them from the file.
 */
export class DbFileAdapter implements Adapter<Data> {
  /** Absolute path of the database file. */
  readonly path: string
  /** Called when a write fails, before its callers hear of it. */
  onFailure: (resources: ReadonlySet<string>) => void = () => undefined
  readonly #label: string
  readonly #ops: FileOps
  readonly #group = new GroupCommit(() => this.#persist())
  #target: string
  #mode = 0o666
  #source: (() => ResourceTexts) | undefined
  #disk: ResourceTexts = new Map()
  #dirty = new Set<string>()
  #adopted = new Map<string, Uint8Array>()
  #data: Data | undefined
  #saved: readonly Uint8Array[] = []
  #writes = 0
  #serialized = 0

  constructor(path: string, label: string, ops: FileOps = NODE_FILE_OPS) {
    this.path = path
    this.#target = path
    this.#label = label
    this.#ops = ops
  }

  /** Completed file writes. */
  get writes(): number {
    return this.#writes
  }

  /** Resources serialised so far (untouched ones are copied from the last file instead). */
  get serialized(): number {
    return this.#serialized
  }

  /** The resource changed in memory: serialise it again at the next write. */
  touch(name: string): void {
    this.#dirty.add(name)
    this.#adopted.delete(name)
  }

  /** The resource now holds exactly what these bytes say: write them as they are. */
  adopt(name: string, bytes: Uint8Array): void {
    this.#dirty.add(name)
    this.#adopted.set(name, bytes)
  }

  /** What each resource holds in the file on disk. */
  texts(): ResourceTexts {
    return this.#source?.() ?? this.#disk
  }

  /** The bytes of the file as this adapter last read or wrote it, in pieces (none before either). */
  saved(): readonly Uint8Array[] {
    return this.#saved
  }

  /** The texts on disk now, as a function so a file that was only read is scanned when needed. */
  captureTexts(): () => ResourceTexts {
    const source = this.#source
    const disk = this.#disk
    return source ?? (() => disk)
  }

  /** Removes temp files that killed writers left beside the file. */
  removeStaleTemps(): Promise<void> {
    return removeStaleTemps(this.#target)
  }

  async read(): Promise<Data | null> {
    let bytes: Buffer
    try {
      const handle = await open(this.path, 'r')
      try {
        this.#mode = (await handle.stat()).mode & 0o7777
        bytes = await handle.readFile()
      } finally {
        await handle.close()
      }
      this.#target = await realpath(this.path)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw new UserError(`cannot read database ${this.#label}: ${fsReason(error)}`, [], {
        cause: error,
      })
    }
    this.#saved = [bytes]
    const body = BOM.every((byte, at) => bytes[at] === byte) ? bytes.subarray(BOM.length) : bytes
    const value = parseJsonText(body.toString('utf8'), this.#label)
    // lowdb takes any falsy value (`null`, `0`) for a missing file, which would then be overwritten.
    checkObject(value, this.#label)
    let ranges: ResourceTexts | undefined
    this.#source = () => (ranges ??= topLevelRanges(body))
    // The shape is checked against the schema by openDb before the store uses it.
    return value as Data
  }

  write(data: Data): Promise<void> {
    this.#data = data
    return this.#group.request()
  }

  /** Resolves once no write is running or waiting. */
  idle(): Promise<void> {
    return this.#group.idle()
  }

  async #persist(): Promise<void> {
    const data = this.#data ?? {}
    const changed = this.#dirty
    const adopted = this.#adopted
    this.#dirty = new Set()
    this.#adopted = new Map()
    const texts = new Map<string, Uint8Array>()
    let chunks: Uint8Array[]
    try {
      const disk = this.texts()
      for (const name of Object.keys(data)) {
        let bytes = adopted.get(name) ?? (changed.has(name) ? undefined : disk.get(name))
        if (bytes === undefined) {
          bytes = serializeResource(data[name] ?? null)
          this.#serialized++
        }
        texts.set(name, bytes)
      }
      const target = this.#target
      chunks = fileChunks([...texts])
      await writeFileAtomic(target, tempPathFor(target), chunks, {
        mode: this.#mode,
        ops: this.#ops,
      })
    } catch (error) {
      const lost = new Set([...changed, ...this.#dirty])
      this.#dirty = new Set()
      this.#adopted = new Map()
      this.onFailure(lost)
      throw error
    }
    this.#source = undefined
    this.#saved = chunks
    this.#disk = texts
    this.#writes++
  }
}
