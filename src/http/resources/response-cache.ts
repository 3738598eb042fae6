import type { JsonBody } from '../answer/json-body.ts'

export type CachedList = {
  readonly body: JsonBody
  readonly headers: Readonly<Record<string, string>>
}

type Entry = CachedList & { readonly version: number }

const MAX_ENTRIES = 512
const MAX_CHARS = 256 * 1024 * 1024

/**
 * List answers by URL, each valid for the version of the database it was built from: repeated
 * reads of an unchanged database are served without filtering, sorting or serialising again.
 * Oldest entries go first. A cache for one database drops every answer once it moves on; one
 * shared by sessions (keys prefixed by session) drops an answer when its session moved past it.
 */
export class ResponseCache {
  readonly #oneDatabase: boolean
  #version = -1
  #chars = 0
  readonly #entries = new Map<string, Entry>()

  constructor(databases: 'one' | 'many' = 'one') {
    this.#oneDatabase = databases === 'one'
  }

  get(key: string, version: number): CachedList | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined || entry.version === version) return entry
    this.#delete(key, entry)
    return undefined
  }

  set(key: string, version: number, list: CachedList): void {
    if (this.#oneDatabase && version !== this.#version) {
      this.#entries.clear()
      this.#chars = 0
      this.#version = version
    }
    const old = this.#entries.get(key)
    if (old !== undefined) this.#delete(key, old)
    if (list.body.size > MAX_CHARS / 4) return
    this.#entries.set(key, { ...list, version })
    this.#chars += list.body.size
    for (const [oldKey, entry] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES && this.#chars <= MAX_CHARS) break
      this.#delete(oldKey, entry)
    }
  }

  #delete(key: string, entry: Entry): void {
    this.#entries.delete(key)
    this.#chars -= entry.body.size
  }
}
