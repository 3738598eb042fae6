import { hasOwn, isId } from '../json.ts'
import type { Id, JsonObject, Row } from '../json.ts'
import type { ResourceSpec } from '../schema/types.ts'
import { advanceCounter, nextIntegerId, randomId, textIds } from './next-id.ts'
import { copyObject, withId } from './rows.ts'

/** Where a resource's new ids come from: a counter that only moves forward, or random ids. */
export class IdSource {
  readonly #spec: ResourceSpec
  /** Next integer id; only ever increases, so ids are never reused. */
  #counter = 1
  /** Integer ids are handed out as `"7"` rather than 7 (a free-form resource whose ids are text). */
  #textIds = false
  #peeked: string | undefined

  constructor(spec: ResourceSpec, rows: readonly Row[]) {
    this.#spec = spec
    this.load(rows)
  }

  /** Another source's position (a session starting from the shared database's startup). */
  static from(spec: ResourceSpec, other: IdSource): IdSource {
    const source = new IdSource(spec, [])
    source.#counter = other.#counter
    source.#textIds = other.#textIds
    return source
  }

  /** Takes the ids of these rows into account: the counter moves past them, never back. */
  load(rows: readonly Row[]): void {
    const { idKey } = this.#spec
    if (this.#spec.id === 'integer')
      this.#counter = Math.max(this.#counter, nextIntegerId(rows, idKey))
    this.#textIds = this.#spec.fields === undefined && textIds(rows, idKey)
  }

  peek(): Id {
    if (this.#spec.id === 'integer') return this.#textIds ? String(this.#counter) : this.#counter
    this.#peeked ??= randomId(this.#spec.id)
    return this.#peeked
  }

  take(): Id {
    const id = this.peek()
    this.#peeked = undefined
    if (this.#spec.id === 'integer') this.#counter++
    return id
  }

  /** The row a POST body makes: with the id the client chose (noted), else the next one. */
  rowFor(body: JsonObject, idKey: string): Row {
    const chosen = body[idKey]
    if (!hasOwn(body, idKey) || !isId(chosen)) return withId(body, idKey, this.take())
    this.note(chosen)
    return copyObject(body)
  }

  /** A client chose this id: later generated ids stay above it. */
  note(id: Id): void {
    if (this.#spec.id === 'integer') this.#counter = advanceCounter(this.#counter, id)
  }
}
