// The parts of a Durable Object's state that fauxrest uses, as the Workers runtime documents them
// (DurableObjectState, a SQLite-backed DurableObjectStorage and its SqlStorage), typed here so
// nothing depends on the runtime's own type package.

export type SqlValue = ArrayBuffer | string | number | null

export interface SqlCursor extends Iterable<Record<string, SqlValue>> {
  toArray(): Record<string, SqlValue>[]
}

export interface SqlStorage {
  exec(query: string, ...bindings: SqlValue[]): SqlCursor
}

export interface ObjectStorage {
  readonly sql: SqlStorage
  /** Runs `body` as one SQLite transaction: every statement in it, or none, is committed. */
  transactionSync<T>(body: () => T): T
  /** Resolves once the writes made so far are durable. */
  sync?(): Promise<void>
}

export interface ObjectState {
  readonly storage: ObjectStorage
  /** Holds every other event back until `body` has settled (the object's start). */
  blockConcurrencyWhile<T>(body: () => Promise<T>): Promise<T>
}

export interface ObjectStub {
  fetch(request: Request): Promise<Response>
}

export interface ObjectId {
  toString(): string
}

export interface ObjectNamespace {
  idFromName(name: string): ObjectId
  get(id: ObjectId): ObjectStub
}
