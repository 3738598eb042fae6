import { basename } from 'node:path'
import type { AppendHandle, FileSystem } from '../../src/node/file-system.ts'
import type { Prng } from '../fuzz/prng.ts'

type Inode = { durable: Uint8Array; volatile: Uint8Array }

export type DiskOp = { readonly op: string; readonly name: string; readonly bytes?: number }

const concat = (a: Uint8Array, b: Uint8Array): Uint8Array => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}

const errno = (code: string, path: string): Error =>
  Object.assign(new Error(`${code}: ${path}`), { code })

/**
 * One folder of files in memory that keeps, as a disk does, what reached stable storage apart
 * from what is only in the page cache: a file's bytes are stable after a sync of the file, its
 * name (created, renamed, removed) after a sync of the folder. Every operation is recorded, and
 * `afterPowerCut` gives the disk as a power cut would leave it.
 */
export class SimulatedDisk {
  readonly ops: DiskOp[] = []
  /** Called after each operation has taken effect. */
  onOp: (op: DiskOp) => void = () => undefined
  readonly #folder: string
  #durableNames: Map<string, Inode>
  #names: Map<string, Inode>

  constructor(folder: string, names: Map<string, Inode> = new Map()) {
    this.#folder = folder
    this.#durableNames = new Map(names)
    this.#names = new Map(names)
  }

  /** Stable bytes of a file as a power cut would leave them; `undefined` when its name is lost. */
  file(name: string): Uint8Array | undefined {
    return this.#names.get(name)?.volatile
  }

  /**
   * The disk after a power cut now: only names synced in the folder, only bytes synced in each
   * file, except that an append not yet synced may have reached the disk in part (a torn tail).
   */
  afterPowerCut(random: Prng): SimulatedDisk {
    const names = new Map<string, Inode>()
    for (const [name, inode] of this.#durableNames) {
      let bytes = inode.durable
      const { volatile } = inode
      const appended =
        volatile.length > bytes.length && bytes.every((byte, at) => volatile[at] === byte)
      if (appended && random.next() < 0.5) {
        bytes = volatile.slice(0, random.int(bytes.length, volatile.length))
      }
      names.set(name, { durable: bytes, volatile: bytes })
    }
    return new SimulatedDisk(this.#folder, names)
  }

  get fs(): FileSystem {
    const record = (op: string, path: string, bytes?: number): void => {
      const entry = { op, name: basename(path), ...(bytes === undefined ? {} : { bytes }) }
      this.ops.push(entry)
      this.onOp(entry)
    }
    const inode = (path: string): Inode => {
      const found = this.#names.get(basename(path))
      if (found === undefined) throw errno('ENOENT', path)
      return found
    }
    return {
      readFile: (path) => {
        const found = this.#names.get(basename(path))
        return Promise.resolve(found && { bytes: found.volatile.slice(), mode: 0o644 })
      },
      create: (path, _mode) => {
        const name = basename(path)
        let file = this.#names.get(name)
        if (file === undefined) {
          file = { durable: new Uint8Array(), volatile: new Uint8Array() }
          this.#names.set(name, file)
        } else {
          file.volatile = new Uint8Array()
        }
        record('create', path)
        const target = file
        const handle: AppendHandle = {
          write: (chunks) => {
            let size = 0
            for (const chunk of chunks) {
              target.volatile = concat(target.volatile, chunk)
              size += chunk.length
            }
            record('write', path, size)
            return Promise.resolve()
          },
          sync: () => {
            target.durable = target.volatile.slice()
            record('sync', path)
            return Promise.resolve()
          },
          truncate: (length) => {
            target.volatile = target.volatile.slice(0, length)
            record('truncate', path, length)
            return Promise.resolve()
          },
          close: () => Promise.resolve(),
        }
        return Promise.resolve(handle)
      },
      rename: (from, to) => {
        this.#names.set(basename(to), inode(from))
        this.#names.delete(basename(from))
        record('rename', to)
        return Promise.resolve()
      },
      unlink: (path) => {
        this.#names.delete(basename(path))
        record('unlink', path)
        return Promise.resolve()
      },
      syncDir: (path) => {
        this.#durableNames = new Map(this.#names)
        record('syncDir', path)
        return Promise.resolve()
      },
      realpath: (path) => Promise.resolve(path),
      readdir: () => Promise.resolve([...this.#names.keys()]),
      isDirectory: (path) => Promise.resolve(path === this.#folder),
    }
  }
}
