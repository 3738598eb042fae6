import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cliSandbox, type Running } from '../cli-process.ts'
import { sseReader, type SseReader } from './sse.ts'
import { POSTS, TAGS, USERS, schemaText } from '../watch/watched-schema.ts'

const sandbox = cliSandbox()
let running: Running | undefined
let reader: SseReader | undefined
afterEach(async () => {
  await reader?.cancel().catch(() => undefined)
  reader = undefined
})

async function start(args: readonly string[]): Promise<Running> {
  await writeFile(join(sandbox.dir(), 'schema.json'), schemaText({ users: USERS, posts: POSTS }))
  running = await sandbox.start(['schema.json', '--port', '0', '--quiet', ...args])
  return running
}

async function subscribe(url: string): Promise<SseReader> {
  reader = sseReader(await fetch(`${url}/_events`))
  await reader.next()
  return reader
}

describe('/_events from the built CLI', () => {
  it('sends reset on a reload under --watch, db file or schema, on the same stream', async () => {
    const { url } = await start(['--db', 'db.json', '--watch'])
    const events = await subscribe(url)
    const file = join(sandbox.dir(), 'db.json')
    const db = JSON.parse(await readFile(file, 'utf8')) as { posts: { title: string }[] }
    db.posts[0] = { ...db.posts[0], title: 'edited outside' }
    await writeFile(file, JSON.stringify(db))
    expect(await events.event()).toMatchObject({ event: 'reset', data: { reason: 'reload' } })

    await writeFile(
      join(sandbox.dir(), 'schema.json'),
      schemaText({ users: USERS, posts: POSTS, tags: TAGS }),
    )
    expect(await events.event()).toMatchObject({ event: 'reset', data: { reason: 'reload' } })
    // The stream goes on with the reloaded server's writes.
    const answer = await fetch(`${url}/tags`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'new' }),
    })
    expect(answer.status).toBe(201)
    expect(await events.event()).toMatchObject({
      event: 'created',
      data: { resource: 'tags', id: 3, item: { label: 'new', id: 3 } },
    })
  })

  it('ends open streams cleanly on SIGTERM and exits 0', async () => {
    const { url } = await start(['--db', 'db.json'])
    const events = await subscribe(url)
    const answer = await fetch(`${url}/posts/1`, { method: 'DELETE' })
    expect(answer.status).toBe(200)
    expect(await running?.stop('SIGTERM')).toBe(0)
    const rest = await events.rest()
    expect(rest.filter((message) => message.event !== undefined)).toMatchObject([
      { event: 'deleted', data: expect.stringContaining('"resource":"posts","id":1') },
    ])
  })
})
