import { afterEach, describe } from 'vitest'
import { join } from 'node:path'
import { runStoreContract } from './contract.ts'
import { durableData, openStore, tempDir, writesOf } from './fixtures.ts'

describe('file store', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()))
  })

  runStoreContract({
    async open() {
      const { dir, cleanup } = await tempDir()
      cleanups.push(cleanup)
      return openStore(join(dir, 'db.json'))
    },
    onDisk: (store) =>
      store.file === undefined ? Promise.resolve(undefined) : durableData(store.file),
    writes: writesOf,
  })
})
