import type { JsonBody } from '../answer/json-body.ts'

export type CachedList = {
  readonly body: JsonBody
  readonly headers: Readonly<Record<string, string>>
}

const MAX_ENTRIES = 512
const MAX_CHARS = 256 * 1024 * 1024

/**
 * List answers by URL, valid for one store version: repeated reads of an unchanged database
 * are served without filtering, sorting or serialising again. Oldest entries go first.
 */
export class ResponseCache {
  #version = -1
  #chars = 0
  readonly #entries = new Map<string, CachedList>()

  get(key: string, version: number): CachedList | undefined {
    if (version !== this.#version) return undefined
    return this.#entries.get(key)
  }

  set(key: string, version: number, entry: CachedList): void {
    if (version !== this.#version) {
      this.#entries.clear()
      this.#chars = 0
      this.#version = version
    }
    if (entry.body.size > MAX_CHARS / 4) return
    this.#entries.set(key, entry)
    this.#chars += entry.body.size
    for (const [oldKey, old] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES && this.#chars <= MAX_CHARS) break
      this.#entries.delete(oldKey)
      this.#chars -= old.body.size
    }
  }
}
