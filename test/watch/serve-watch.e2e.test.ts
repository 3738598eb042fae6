import { isDeepStrictEqual } from 'node:util'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, type Running } from '../cli-process.ts'
import { eventually } from './eventually.ts'
import { POSTS, TAGS, USERS, schemaText } from './watched-schema.ts'

type Post = { id: number; userId: number; title: string }
type Db = { users: { id: number; name: string }[]; posts: Post[]; [name: string]: unknown }

const sandbox = cliSandbox()
let running: Running | undefined

async function start(args: readonly string[]): Promise<Running> {
  await writeFile(join(sandbox.dir(), 'schema.json'), schemaText({ users: USERS, posts: POSTS }))
  running = await sandbox.start(['schema.json', '--port', '0', '--watch', ...args])
  return running
}

async function get(path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${running?.url ?? ''}${path}`)
  return { status: response.status, body: JSON.parse(await response.text()) }
}

async function post(path: string, body: object): Promise<{ status: number; body: Post }> {
  const response = await fetch(`${running?.url ?? ''}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Post }
}

/** The answer at `path` once `accept` takes it. */
const until = (path: string, accept: (answer: { status: number; body: unknown }) => boolean) =>
  eventually(async () => {
    const answer = await get(path)
    return accept(answer) ? answer : undefined
  }, `GET ${path}`)

const outputShows = (text: string) =>
  eventually(async () => (running?.output().includes(text) === true ? true : undefined), text)

const readDb = async (): Promise<Db> =>
  JSON.parse(await readFile(join(sandbox.dir(), 'db.json'), 'utf8')) as Db

/** db.json once it is brought up to date (shortly after writes settle) and `accept`s it. */
const dbWhen = (accept: (db: Db) => boolean) =>
  eventually(async () => {
    const db = await readDb().catch(() => undefined)
    return db !== undefined && accept(db) ? db : undefined
  }, 'db.json up to date')

const count = (text: string, part: string) => text.split(part).length - 1

describe('fauxrest serve --watch (built CLI)', () => {
  it('reloads the db file edited outside; its own writes are not taken for edits', async () => {
    await start(['--db', 'db.json'])
    const file = join(sandbox.dir(), 'db.json')

    // An editor that saves by writing a new file and renaming it over the old one.
    const first = await readDb()
    first.posts[0] = { ...(first.posts[0] as Post), title: 'renamed into place' }
    await writeFile(join(sandbox.dir(), '.db.json.edit'), JSON.stringify(first))
    await rename(join(sandbox.dir(), '.db.json.edit'), file)
    await until('/posts/1', ({ body }) => (body as Post).title === 'renamed into place')

    const created = await post('/posts', { userId: 2, title: 'right after' })
    expect(created).toEqual({ status: 201, body: { userId: 2, title: 'right after', id: 4 } })

    // An editor that writes the file in place, once writes have settled and the file shows them.
    const second = await dbWhen((db) => db.posts.some((item) => item.id === 4))
    second.posts[1] = { ...(second.posts[1] as Post), title: 'written in place' }
    await writeFile(file, JSON.stringify(second, null, 2))
    await until('/posts/2', ({ body }) => (body as Post).title === 'written in place')

    expect((await get('/posts/4')).body).toEqual(created.body)
    const served = (await get('/db')).body
    expect(await dbWhen((db) => isDeepStrictEqual(db, served))).toEqual(served)
    expect(await running?.stop('SIGTERM')).toBe(0)
    expect(await readDb()).toEqual(served)
    expect(count(running?.output() ?? '', 'reloaded db.json (changed on disk)')).toBe(2)
  })

  it('keeps serving through a broken db edit, and saves the next write over it', async () => {
    await start(['--db', 'db.json'])
    const before = (await get('/db')).body
    await writeFile(join(sandbox.dir(), 'db.json'), '{"posts": [')
    await outputShows(
      'fauxrest: db.json:1:12: invalid JSON: unexpected end of file (keeping the data in memory)\n',
    )
    expect((await get('/db')).body).toEqual(before)
    const created = await post('/posts', { userId: 1, title: 'after the broken edit' })
    expect(created.status).toBe(201)
    const saved = await dbWhen((db) => Array.isArray(db.posts))
    expect(saved.posts).toContainEqual(created.body)
  })

  it('reloads an edited schema: new routes answer, data and ids carry on, broken edits are refused', async () => {
    await start(['--db', 'db.json'])
    const schema = join(sandbox.dir(), 'schema.json')
    const created = await post('/posts', { userId: 1, title: 'before the reload' })
    expect(created.body.id).toBe(4)
    expect((await fetch(`${running?.url ?? ''}/posts/4`, { method: 'DELETE' })).status).toBe(200)

    await writeFile(
      schema,
      schemaText({ users: USERS, posts: POSTS, tags: { fields: { x: 'no.such' } } }),
    )
    await outputShows('schema.json: invalid schema (keeping the previous schema)\n')
    await writeFile(schema, '{"resources": {')
    await outputShows(
      'schema.json:1:16: invalid JSON: unexpected end of file (keeping the previous schema)\n',
    )
    expect((await get('/tags')).status).toBe(404)
    expect((await get('/posts/1')).status).toBe(200)

    await writeFile(schema, schemaText({ users: USERS, posts: POSTS, tags: TAGS }))
    const tags = await until('/tags', ({ status }) => status === 200)
    expect(tags.body).toHaveLength(2)
    await outputShows('reloaded schema.json (3 resources)\n')
    // The id deleted before the reload is not handed out again.
    expect((await post('/posts', { userId: 2, title: 'after the reload' })).body.id).toBe(5)
    const saved = await dbWhen((db) => db.posts.some((item) => item.id === 5))
    expect(saved['tags']).toEqual(tags.body)
    expect(saved.posts.map((item) => item.id)).toEqual([1, 2, 3, 5])
  })

  it('keeps the data of a database in memory across a schema reload', async () => {
    await start(['--db', ':memory:', '--quiet'])
    const created = await post('/users/1/posts', { title: 'only in memory' })
    await writeFile(
      join(sandbox.dir(), 'schema.json'),
      schemaText({ users: USERS, posts: POSTS, tags: TAGS }),
    )
    await until('/tags', ({ status }) => status === 200)
    expect((await get(`/posts/${created.body.id}`)).body).toEqual(created.body)
  })

  it('reloads a plain database edited outside, with the resources it gains', async () => {
    const file = join(sandbox.dir(), 'plain.json')
    await writeFile(file, JSON.stringify({ posts: [{ id: 1, title: 'plain' }] }, null, 2))
    running = await sandbox.start(['plain.json', '--port', '0', '--watch'])
    const created = await post('/posts', { title: 'kept' })
    expect(created.body).toEqual({ title: 'kept', id: 2 })
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...onDisk, tags: [{ id: 1, label: 'new' }] }))
    const tags = await until('/tags', ({ status }) => status === 200)
    expect(tags.body).toEqual([{ id: 1, label: 'new' }])
    expect((await get('/posts/2')).body).toEqual(created.body)
    await outputShows('reloaded plain.json (2 resources)\n')
  })

  it('loses no write in flight while the schema reloads, and never takes its own writes for edits', async () => {
    await start(['--db', 'db.json'])
    const acknowledged: Post[] = []
    const writing = { until: Number.POSITIVE_INFINITY }
    const writer = async (n: number): Promise<void> => {
      for (let round = 0; acknowledged.length < writing.until; round++) {
        const created = await post('/posts', { userId: 1, title: `writer ${n} post ${round}` })
        expect(created.status).toBe(201)
        acknowledged.push(created.body)
      }
    }
    const writers = Array.from({ length: 8 }, (_, n) => writer(n))
    const schema = join(sandbox.dir(), 'schema.json')
    await eventually(async () => (acknowledged.length > 20 ? true : undefined), 'some writes')
    await writeFile(schema, schemaText({ users: USERS, posts: POSTS, tags: TAGS }))
    await until('/tags', ({ status }) => status === 200)
    await writeFile(schema, schemaText({ users: USERS, posts: POSTS }))
    await until('/tags', ({ status }) => status === 404)
    const reloaded = acknowledged.length
    await eventually(async () => (acknowledged.length > reloaded + 20 ? true : undefined), 'more')
    writing.until = 0
    await Promise.all(writers)

    const posts = (await get('/posts')).body as Post[]
    for (const item of acknowledged) expect(posts).toContainEqual(item)
    expect(await running?.stop('SIGTERM')).toBe(0)
    const onDisk = await readDb()
    for (const item of acknowledged) expect(onDisk.posts).toContainEqual(item)
    const output = running?.output() ?? ''
    expect(count(output, 'reloaded schema.json')).toBe(2)
    expect(count(output, 'reloaded db.json')).toBe(0)
  })
})
