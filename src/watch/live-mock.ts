import type { Fetch, Mock } from '../mock.ts'
import type { LoadedSchema } from '../node/load-schema.ts'
import { dataReloader } from './data-reloader.ts'
import { isOwnWrite, readIfExists } from './own-write.ts'
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
 * same database file and swaps it in. Writes the store made itself are recognised by their bytes
 * and ignored. A reload waits until no request is running and every change is on disk, so no
 * write in flight is lost; while it runs, new requests wait. A file that cannot be used is
 * reported and the server keeps serving what it had.
 */
export async function watchMock(
  first: Mock,
  loaded: LoadedSchema,
  options: LiveMockOptions,
): Promise<LiveMock> {
  const { schemaFile, dbFile } = options
  const plain = schemaFile === dbFile
  const board = new Switchboard(first, options.drainMs)
  let schema = loaded
  let schemaText = await readIfExists(schemaFile)
  let queue = Promise.resolve()

  const reloadDb = dataReloader(board, options)

  const reloadSchema = async (): Promise<void> => {
    const text = await readIfExists(schemaFile)
    if (text === undefined) return
    if (plain ? isOwnWrite(text, board.current) : schemaText?.equals(text) === true) return
    let next: LoadedSchema
    try {
      next = await options.load(schemaFile)
    } catch (error) {
      schemaText = text
      options.warn(error, 'the previous schema')
      return
    }
    await board.exclusive(async () => {
      const old = board.current
      await old.store.flush()
      if (plain && isOwnWrite((await readIfExists(schemaFile)) ?? text, old)) return
      await swapIn(next, old)
      schemaText = text
      const count = board.current.schema.resources.size
      options.log(`reloaded ${options.schemaLabel} (${count} resource${count === 1 ? '' : 's'})`)
    })
  }

  // Runs inside board.exclusive, once the old mock's writes are saved.
  const swapIn = async (next: LoadedSchema, old: Mock): Promise<void> => {
    await old.close()
    let opened: Mock
    try {
      opened = await reopen(next, old)
      schema = next
    } catch (error) {
      options.warn(error, 'the previous schema')
      opened = await reopen(schema, old)
    }
    board.swap(opened)
    // In memory the new store's replaceAll has said so already.
    if (dbFile !== undefined) opened.feed.publish([{ type: 'reset', reason: 'reload' }])
  }

  const refresh = (why: string): Promise<void> => {
    const run = (): Promise<void> =>
      board.exclusive(async () => {
        const old = board.current
        await old.store.flush()
        await swapIn(schema, old)
        options.log(`reloaded ${options.schemaLabel} (${why})`)
      })
    queue = queue.then(run).catch((error: unknown) => options.warn(error, 'what it had'))
    return queue
  }

  // A new mock carries on from the old one: the same ids continue; in memory, the same data.
  const reopen = async (next: LoadedSchema, old: Mock): Promise<Mock> => {
    const opened = await options.open(next)
    try {
      if (dbFile === undefined) await opened.store.replaceAll(old.store.data())
      opened.store.continueIds(old.store)
      return opened
    } catch (error) {
      await opened.close()
      throw error
    }
  }

  const changed = (path: string): void => {
    const reload = path === schemaFile ? reloadSchema : () => reloadDb(path)
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
