import type { Fetch, Mock } from '../mock.ts'
import type { LoadedSchema } from '../node/load-schema.ts'
import { dataReloader } from './data-reloader.ts'
import { schemaReloader } from './schema-reloader.ts'
import { Switchboard } from './switchboard.ts'
import { watchFiles, type FileWatcher } from './watch-files.ts'

export type LiveMockOptions = {
  /** Absolute path of the schema, or of the plain database served as its own schema. */
  readonly schemaFile: string
  /** Absolute path of the database file; `undefined` in memory. */
  readonly dbFile: string | undefined
  /** Names of the two files as the user should read them. */
  readonly schemaLabel: string
  readonly dbLabel: string
  readonly load: (path: string) => Promise<LoadedSchema>
  /** Opens a mock on the database for a schema (never regenerating what the file holds). */
  readonly open: (loaded: LoadedSchema) => Promise<Mock>
  /** One line per reload, for the request log. */
  readonly log: (line: string) => void
  /** A reload that was refused, and why; the server keeps what it had. */
  readonly warn: (error: unknown, keeping: string) => void
  readonly debounceMs?: number
  /** How long a reload waits for requests in flight before it goes ahead. */
  readonly drainMs?: number
}

export type LiveMock = {
  /** Serves each request with the mock current at the time; hand this to the server. */
  readonly fetch: Fetch
  readonly current: () => Mock
  /**
   * Opens the mock again on the same schema and data, as a schema reload does: for what the mock
   * reads once when it opens (a routes file's guards). `why` ends the log line.
   */
  readonly refresh: (why: string) => Promise<void>
  /** Resolves once the reloads started so far are done (for tests and shutdown). */
  readonly settled: () => Promise<void>
  /** Stops watching, lets a running reload finish, then closes the current mock. */
  readonly close: () => Promise<void>
}

/**
 * Serves a mock and reloads it when its files change on disk. An edit of the database file is read
 * into the running store; an edit of the schema (or of a plain database) opens a new mock on the
 * same database file and swaps it in (data-reloader.ts, schema-reloader.ts). Writes the store
 * made itself are recognised by their bytes and ignored. A reload waits until no request is
 * running and every change is on disk, so no write in flight is lost; while it runs, new requests
 * wait. A file that cannot be used is reported and the server keeps serving what it had.
 */
export async function watchMock(
  first: Mock,
  loaded: LoadedSchema,
  options: LiveMockOptions,
): Promise<LiveMock> {
  const { schemaFile, dbFile } = options
  const plain = schemaFile === dbFile
  const board = new Switchboard(first, options.drainMs)
  let queue = Promise.resolve()
  const reloadDb = dataReloader(board, options)
  const schema = await schemaReloader(board, loaded, options)
  const refresh = (why: string): Promise<void> => {
    queue = queue
      .then(() => schema.refresh(why))
      .catch((error: unknown) => options.warn(error, 'what it had'))
    return queue
  }

  const changed = (path: string): void => {
    const reload = path === schemaFile ? schema.reload : () => reloadDb(path)
    queue = queue.then(reload).catch((error: unknown) => options.warn(error, 'what it had'))
  }
  const files = dbFile === undefined || plain ? [schemaFile] : [schemaFile, dbFile]
  const watcher: FileWatcher = watchFiles(files, changed, {
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
    onError: (error) => options.warn(error, 'serving without watching'),
  })

  return {
    fetch: (request, env) => board.serve((mock) => mock.app.fetch(request, env)),
    current: () => board.current,
    refresh,
    settled: () => queue,
    close: async () => {
      watcher.close()
      await queue
      await board.current.close()
    },
  }
}
