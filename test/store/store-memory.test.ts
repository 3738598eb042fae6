import { describe, expect, it } from 'vitest'
import { MemoryPersistence } from '../../src/store/memory-persistence.ts'
import { Store } from '../../src/store/store.ts'
import { runStoreContract } from './contract.ts'
import { SCHEMA, recordingGenerate } from './fixtures.ts'

describe('in-memory store', () => {
  runStoreContract({
    open: () =>
      Store.open({
        schema: SCHEMA,
        persistence: new MemoryPersistence(),
        generate: recordingGenerate().generate,
      }),
    onDisk: (store) => Promise.resolve(store.data()),
    writes: () => 0,
  })

  it('generates every resource, has no file and never writes one', async () => {
    const { calls, generate } = recordingGenerate()
    const store = await Store.open({
      schema: SCHEMA,
      persistence: new MemoryPersistence(),
      generate,
    })
    await store.insert('users', { name: 'x' })
    expect(calls).toEqual([[...SCHEMA.resources.keys()]])
    expect(store.file).toBeUndefined()
  })
})
