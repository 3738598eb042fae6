import type { Adapter } from 'lowdb'
import type { Data } from '../json.ts'
import type { ChangeLog } from './change-log.ts'

/**
 * What lowdb holds for the store and hands its adapter on every write: the data as it is in
 * memory, and the log of changes made to it that are not yet known to be durable.
 */
export type Db = {
  data: Data
  readonly log: ChangeLog
}

/**
 * Where a store's data lives between runs: a lowdb adapter over `Db`. `read` gives the data as
 * the last run left it (`null` when there is none). `write` resolves once every change logged
 * before the call is durable, or rejects when they could not be saved; which changes it has
 * already saved (the log's numbering tells it) is the adapter's own business, as is the form it
 * keeps them in (nothing in memory, a journal beside a json-server file, an object's storage).
 * `close` brings that form to rest (e.g. the json-server file up to date, the journal gone).
 */
export interface Persistence extends Adapter<Db> {
  close(): Promise<void>
}
