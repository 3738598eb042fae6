import { NODE_FILE_SYSTEM } from '../../src/node/file-system.ts'
import type { FileSystem } from '../../src/node/file-system.ts'

type Held = { readonly path: string; finish(): void; fail(error: Error): void }

export const diskFull = (): Error =>
  Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })

/**
 * The real file system, except that while `holding` each sync waits until the test finishes or
 * fails it, and while `failing` every sync fails with that error.
 */
export function controlledFs() {
  const held: Held[] = []
  const state: { holding: boolean; failing: Error | undefined } = {
    holding: false,
    failing: undefined,
  }
  const fs: FileSystem = {
    ...NODE_FILE_SYSTEM,
    async create(path, mode) {
      const handle = await NODE_FILE_SYSTEM.create(path, mode)
      return {
        ...handle,
        sync: () => {
          if (state.failing !== undefined) return Promise.reject(state.failing)
          if (!state.holding) return handle.sync()
          return new Promise<void>((resolve, reject) => {
            held.push({
              path,
              finish: () => void handle.sync().then(resolve, reject),
              fail: reject,
            })
          })
        },
      }
    },
  }
  /** The next held sync, once there is one. */
  const next = async (): Promise<Held> => {
    while (held.length === 0) await new Promise((resolve) => setImmediate(resolve))
    const [first] = held.splice(0, 1)
    if (first === undefined) throw new Error('no sync')
    return first
  }
  return { fs, state, next }
}
