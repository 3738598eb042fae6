import { afterAll, beforeAll } from 'vitest'
import { queryContract } from '../http/contracts/query.ts'
import { tempDir } from '../helpers.ts'
import { workerTargets } from './worker-harness.ts'

// The Node server's queries (both dialects, nested routes, errors), with the same expectations, against the Worker under
// workerd with its data in a Durable Object's SQLite storage.
let folder: Awaited<ReturnType<typeof tempDir>>
const targets = workerTargets(() => folder.path)
beforeAll(async () => {
  folder = await tempDir()
})
afterAll(async () => {
  await targets.dispose()
  await folder.remove()
})

queryContract(targets.open)
