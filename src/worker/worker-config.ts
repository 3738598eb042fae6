import type { AppOptions } from '../app-options.ts'
import type { AuthOptions } from '../auth/resolve-auth.ts'
import { isJsonObject, type Data } from '../json.ts'
import type { SchemaOptions } from '../schema/types.ts'

/** The serve options a Worker keeps (no static folder, no watching, no middleware files). */
export type WorkerAppOptions = Pick<
  AppOptions,
  'readOnly' | 'fakeWrites' | 'deleteMode' | 'delay' | 'cors' | 'bodyLimit'
>

/**
 * What `fauxrest worker` writes into the Worker beside the runtime: the schema (or plain db) as
 * the user gave it, how to read it, and the serve options.
 */
export type WorkerConfig = {
  /** The database's name: the Durable Object that holds it is named after it. */
  readonly name: string
  /** The schema or plain json-server db, as parsed JSON. */
  readonly document: unknown
  readonly reading: SchemaOptions
  /** Faker seed; the schema's own when left out. */
  readonly seed?: number
  readonly options: WorkerAppOptions
  readonly auth?: boolean | AuthOptions
  /** json-server's routes file, as its rules. */
  readonly routes?: Readonly<Record<string, string | number>>
  /** The data, generated when the Worker was built: served without a Durable Object. */
  readonly data?: Data
  /** `--max-sessions` and `--session-idle` (in milliseconds); the Node server's defaults without. */
  readonly sessions?: { readonly maxSessions?: number; readonly idleMs?: number }
}

/** The config the Worker was built with; one that is not is a fault of the build. */
export function readWorkerConfig(value: unknown): WorkerConfig {
  if (
    !isJsonObject(value) ||
    typeof value['name'] !== 'string' ||
    !isJsonObject(value['options']) ||
    !isJsonObject(value['reading'])
  ) {
    throw new Error('fauxrest worker: the built-in configuration is missing or damaged')
  }
  return value as unknown as WorkerConfig
}

/** A Worker with fake writes or read-only needs no Durable Object: nothing it serves changes. */
export function isStateless(config: WorkerConfig): boolean {
  return config.options.readOnly || config.options.fakeWrites
}
