import type { Mock } from '../mock.ts'
import type { LoadedSchema } from '../node/load-schema.ts'
import { isOwnWrite, readIfExists } from './own-write.ts'
import type { Switchboard } from './switchboard.ts'

export type SchemaReloaderOptions = {
  readonly schemaFile: string
  readonly dbFile: string | undefined
  readonly schemaLabel: string
  readonly load: (path: string) => Promise<LoadedSchema>
  readonly open: (loaded: LoadedSchema) => Promise<Mock>
  readonly log: (line: string) => void
  readonly warn: (error: unknown, keeping: string) => void
}

export type SchemaReloader = {
  /** Reads an edited schema file (or plain database) and swaps in a mock opened on it. */
  readonly reload: () => Promise<void>
  /** Opens the mock again on the same schema and data; `why` ends the log line. */
  readonly refresh: (why: string) => Promise<void>
}

/**
 * Swaps a new mock in for an edited schema, once no request is running and every change is on
 * disk. The new mock carries on from the old one: the same ids continue; in memory, the same data.
 * A schema that cannot be used is reported and the previous one goes on serving.
 */
export async function schemaReloader(
  board: Switchboard<Mock>,
  loaded: LoadedSchema,
  options: SchemaReloaderOptions,
): Promise<SchemaReloader> {
  const { schemaFile, dbFile } = options
  const plain = schemaFile === dbFile
  let schema = loaded
  let schemaText = await readIfExists(schemaFile)

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

  const reload = async (): Promise<void> => {
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

  const refresh = (why: string): Promise<void> =>
    board.exclusive(async () => {
      const old = board.current
      await old.store.flush()
      await swapIn(schema, old)
      options.log(`reloaded ${options.schemaLabel} (${why})`)
    })

  return { reload, refresh }
}
