// Run by the bench as a child process with --expose-gc: the heap 1,000 sessions with 10 writes
// each keep alive on JSONPlaceholder data, and the time to make a session on first use.
// Prints one line of JSON.
import { createMock } from '../src/index.ts'

const [schema = '', countText = '1000'] = process.argv.slice(2)
const count = Number(countText)
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc')

const mock = await createMock({ schema, db: ':memory:', maxSessions: count + 10 })
const json = { 'Content-Type': 'application/json' }

/** Ten writes across resources, as a test would make them: creates, updates, deletes. */
async function tenWrites(name: string, index: number): Promise<void> {
  const headers = { ...json, 'Fauxrest-Session': name }
  const at = (index % 90) + 1
  const send = async (method: string, path: string, body?: object): Promise<void> => {
    const init: RequestInit = { method, headers }
    if (body !== undefined) init.body = JSON.stringify(body)
    const response = await mock.app.request(path, init)
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`)
  }
  await send('POST', '/posts', { userId: 1, title: `post ${index}`, body: 'text' })
  await send('POST', '/comments', { postId: at, name: 'n', email: 'a@b.co', body: 'c' })
  await send('PATCH', `/posts/${at}`, { title: 'changed' })
  await send('PATCH', `/comments/${at * 5}`, { body: 'changed' })
  await send(
    'PUT',
    `/users/${(index % 10) + 1}`,
    (await (await mock.app.request(`/users/${(index % 10) + 1}`)).json()) as object,
  )
  await send('DELETE', `/todos/${at}`)
  await send('POST', '/todos', { userId: 1, title: 'todo', completed: false })
  await send('PATCH', `/albums/${at}`, { title: 'changed' })
  await send('DELETE', `/photos/${at * 10}`)
  await send('POST', '/photos', {
    albumId: 1,
    title: 'p',
    url: 'https://x.y/1',
    thumbnailUrl: 'https://x.y/2',
  })
}

// Warm up: code compiled and the startup indices built before anything is counted.
await tenWrites('warm-up', 0)
mock.sessions.drop('warm-up')
for (let round = 0; round < 3; round++) gc()
const before = process.memoryUsage()

let opening = 0
for (let index = 0; index < count; index++) {
  const started = performance.now()
  mock.sessions.open(`session-${index}`)
  opening += performance.now() - started
}
for (let index = 0; index < count; index++) await tenWrites(`session-${index}`, index)
for (let round = 0; round < 3; round++) gc()
const after = process.memoryUsage()
const MiB = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10
const held = (usage: NodeJS.MemoryUsage): number => usage.heapUsed + usage.external
console.log(
  JSON.stringify({
    sessions: mock.sessions.size,
    writes: count * 10,
    heapBeforeMiB: MiB(held(before)),
    heapAfterMiB: MiB(held(after)),
    addedMiB: MiB(held(after) - held(before)),
    openMs: opening / count,
  }),
)
await mock.close()
