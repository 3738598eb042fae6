import { parseJsonText } from '../json-text.ts'
import type { Mock } from '../mock.ts'
import { isOwnWrite, readIfExists } from './own-write.ts'
import type { Switchboard } from './switchboard.ts'

/**
 * Reads an edited database file into the running store, once no request is running and every
 * change is on disk. The store's own writes are recognised by their bytes and ignored; a file that
 * cannot be used is reported once and the data in memory is kept.
 */
export function dataReloader(
  board: Switchboard<Mock>,
  options: {
    readonly dbLabel: string
    readonly log: (line: string) => void
    readonly warn: (error: unknown, keeping: string) => void
  },
): (file: string) => Promise<void> {
  // The last database text refused, so the same broken file is reported once.
  let refused: Buffer | undefined
  return async (file) => {
    const seen = await readIfExists(file)
    if (seen === undefined || isOwnWrite(seen, board.current) || refused?.equals(seen)) return
    await board.exclusive(async () => {
      const { store } = board.current
      for (;;) {
        const version = store.version
        await store.flush()
        const bytes = await readIfExists(file)
        // A request that outlived the wait changed the data meanwhile: look again.
        if (store.version !== version) continue
        if (bytes === undefined || isOwnWrite(bytes, board.current)) return
        try {
          const data = parseJsonText(bytes.toString('utf8'), options.dbLabel)
          // Checked, then swapped into memory synchronously, before any other write can start.
          await store.replaceAll(data)
        } catch (error) {
          refused = bytes
          options.warn(error, 'the data in memory')
          return
        }
        options.log(`reloaded ${options.dbLabel} (changed on disk)`)
        return
      }
    })
  }
}
