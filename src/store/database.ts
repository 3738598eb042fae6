import type { Data, Id, JsonObject, Row } from '../json.ts'
import type { Schema } from '../schema/types.ts'
import type { Change, CommitCause } from './change.ts'
import type { RemovalPlan } from './remove-plan.ts'

/**
 * Hears the changes of each mutation once they are durable, in the order they were made, with
 * `cause` set for a reset or a reload (which may change nothing).
 */
export type CommitListener = (changes: readonly Change[], cause?: CommitCause) => void

/**
 * What the routes read and write: the shared database (Store), or a session's private view of it
 * (SessionStore). Rows are never changed in place: an update stores a new object.
 */
export interface Database {
  readonly schema: Schema
  /** Increments on every change in memory. */
  readonly version: number
  list(resource: string): readonly Row[]
  get(resource: string, id: Id | string): Row | undefined
  /** Rows of `child` whose `field` holds `parentId`, in list order. */
  byRef(child: string, field: string, parentId: Id | string): readonly Row[]
  single(resource: string): JsonObject
  data(): Readonly<Data>
  /** The id the next insert without a client id gets; asking does not use it up. */
  peekNextId(resource: string): Id
  onCommit(listener: CommitListener): () => void
  insert(resource: string, body: JsonObject): Promise<Row>
  replace(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined>
  patch(resource: string, id: Id | string, body: JsonObject): Promise<Row | undefined>
  /** What deleting `row` would do; throws the 409 of a restrict relation that forbids it. */
  removalPlan(resource: string, row: Row): RemovalPlan
  remove(resource: string, id: Id | string): Promise<Row | undefined>
  setSingle(resource: string, value: JsonObject): Promise<JsonObject>
  /** Back to the state it started from. */
  reset(): Promise<void>
}
