import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'
import { UserError } from '../errors.ts'

export type FileWatcher = { close(): void }

export type WatchOptions = {
  /** Quiet time after the last event before `onChange` is called. */
  readonly debounceMs?: number
  /** A watch stopped working (its folder was removed, say). */
  readonly onError?: (error: Error) => void
}

/**
 * Calls `onChange(path)` once a file settles after being created, written or replaced. The folders
 * are watched, not the files: editors and atomic writers replace a file by renaming another over
 * it, which a watch on the old file would not see.
 */
export function watchFiles(
  paths: readonly string[],
  onChange: (path: string) => void,
  options: WatchOptions = {},
): FileWatcher {
  const { debounceMs = 50, onError } = options
  const folders = new Map<string, Map<string, string>>()
  for (const path of paths) {
    const names = folders.get(dirname(path)) ?? new Map<string, string>()
    names.set(basename(path), path)
    folders.set(dirname(path), names)
  }
  const timers = new Map<string, NodeJS.Timeout>()
  const settle = (path: string): void => {
    clearTimeout(timers.get(path))
    const timer = setTimeout(() => {
      timers.delete(path)
      onChange(path)
    }, debounceMs)
    timers.set(path, timer)
  }
  const watchers: FSWatcher[] = []
  const close = (): void => {
    for (const watcher of watchers) watcher.close()
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
  }
  for (const [folder, names] of folders) {
    let watcher: FSWatcher
    try {
      watcher = watch(folder, (_, filename) => {
        // Some platforms do not say which file changed: check every one in the folder.
        const path = filename === null ? undefined : names.get(filename)
        if (path !== undefined) settle(path)
        else if (filename === null) for (const each of names.values()) settle(each)
      })
    } catch (error) {
      close()
      const reason = error instanceof Error ? error.message : String(error)
      throw new UserError(`cannot watch ${folder}: ${reason}`, [], { cause: error })
    }
    watcher.on('error', (error: Error) => onError?.(error))
    watchers.push(watcher)
  }
  return { close }
}
