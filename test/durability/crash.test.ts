import { once } from 'node:events'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, type Running } from '../cli-process.ts'
import { prng, type Prng } from '../fuzz/prng.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'

const ROUNDS = 8
const WRITERS = 16

type Post = { id: number; userId: number; title: string; body: string }

/**
 * What the clients were told. An acknowledged write must survive any crash; a write that got no
 * answer may or may not have been applied, so its item may hold any of the states it could have.
 */
class Model {
  /** Acknowledged posts by id, as last acknowledged. */
  readonly posts = new Map<number, Post>()
  /** Other states an item may be in after writes that got no answer (`undefined`: deleted). */
  readonly maybe = new Map<number, (Post | undefined)[]>()
  readonly deleted = new Set<number>()
  /** Ids of the posts created since the last restart. */
  created: number[] = []
  acknowledged = 0

  /** The problems found comparing the posts a server holds with what the clients were told. */
  check(stored: readonly Post[], atStart: number): string[] {
    const byId = new Map(stored.map((post) => [post.id, post]))
    const problems: string[] = []
    for (const [id, post] of this.posts) {
      const found = byId.get(id)
      const allowed = [post, ...(this.maybe.get(id) ?? [])]
      if (!allowed.some((state) => JSON.stringify(state) === JSON.stringify(found))) {
        problems.push(
          `post ${id}: expected ${JSON.stringify(post)}, found ${JSON.stringify(found)}`,
        )
      }
    }
    for (const id of this.deleted) {
      if (byId.has(id)) problems.push(`post ${id} was deleted, yet it is there`)
    }
    if (byId.size !== stored.length) problems.push('repeated ids')
    for (let id = 1; id <= atStart; id++) {
      if (!byId.has(id) && !this.deleted.has(id) && !this.maybe.has(id)) {
        problems.push(`post ${id} of the generated data is gone`)
      }
    }
    return problems
  }

  /** After a restart every item is in exactly one state again. */
  settle(stored: readonly Post[]): void {
    const byId = new Map(stored.map((post) => [post.id, post]))
    for (const id of this.maybe.keys()) {
      const found = byId.get(id)
      if (found === undefined) {
        this.posts.delete(id)
        this.deleted.add(id)
      } else {
        this.posts.set(id, found)
      }
    }
    this.maybe.clear()
  }
}

/** One client: POSTs, PATCHes and DELETEs its own posts until the server goes away. */
async function writer(url: string, random: Prng, model: Model, tag: string): Promise<void> {
  const mine: number[] = []
  for (let n = 0; ; n++) {
    const roll = random.next()
    const target = mine.length > 0 ? random.pick(mine) : undefined
    try {
      if (target === undefined || roll < 0.6) {
        const sent = {
          userId: random.int(1, 10),
          title: `${tag} ${n}`,
          body: 'x'.repeat(random.int(0, 200)),
        }
        const response = await fetch(`${url}/posts`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(sent),
        })
        const post = (await response.json()) as Post
        ensure(response.status === 201 && post.title === sent.title, 'POST', response, post)
        model.posts.set(post.id, post)
        model.created.push(post.id)
        model.acknowledged++
        mine.push(post.id)
      } else if (roll < 0.8) {
        const before = model.posts.get(target)
        const change = { title: `${tag} ${n} patched` }
        model.maybe.set(target, [{ ...(before as Post), ...change }])
        const response = await fetch(`${url}/posts/${target}`, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(change),
        })
        const post = (await response.json()) as Post
        ensure(response.status === 200 && post.title === change.title, 'PATCH', response, post)
        model.maybe.delete(target)
        model.posts.set(target, post)
        model.acknowledged++
      } else {
        model.maybe.set(target, [undefined])
        mine.splice(mine.indexOf(target), 1)
        const response = await fetch(`${url}/posts/${target}`, { method: 'DELETE' })
        ensure(response.status === 200, 'DELETE', response, await response.json())
        model.maybe.delete(target)
        model.posts.delete(target)
        model.deleted.add(target)
        model.acknowledged++
      }
    } catch (error) {
      // The server was killed: every request from here on fails.
      if (error instanceof TypeError) return
      throw error
    }
  }
}

// A wrong answer fails the test; an assertion error is not taken for a lost connection.
function ensure(ok: boolean, method: string, response: Response, body: unknown): void {
  if (!ok) throw new Error(`${method} answered ${response.status} ${JSON.stringify(body)}`)
}

async function readPosts(file: string): Promise<Post[]> {
  // Must parse: a crash leaves the old file or the new one, never a torn one.
  return (JSON.parse(await readFile(file, 'utf8')) as { posts: Post[] }).posts
}

const sandbox = cliSandbox()
let running: Running | undefined

describe('kill -9 at a random moment', () => {
  it(`loses no acknowledged write over ${ROUNDS} rounds of ${WRITERS} concurrent writers`, async () => {
    const random = prng(20_240_601)
    const model = new Model()
    const db = join(sandbox.dir(), 'db.json')
    const args = [JSONPLACEHOLDER, '--port', '0', '--db', db, '--quiet']
    const report: string[] = []
    let midWrite = 0
    for (let round = 0; round < ROUNDS; round++) {
      running = await sandbox.start(args)
      const { url, child } = running
      // Restarted on what the crash left: everything acknowledged is served, nothing else changed.
      const served = (await (await fetch(`${url}/posts`)).json()) as Post[]
      expect(model.check(served, 100)).toEqual([])
      model.settle(served)
      expect(await readdir(sandbox.dir())).toEqual(['db.json'])
      const highest = Math.max(0, ...served.map((post) => post.id))

      const before = model.acknowledged
      model.created = []
      const exited = once(child, 'exit')
      const writers = Array.from({ length: WRITERS }, (_, n) =>
        writer(url, prng(random.int(1, 2 ** 31)), model, `r${round}w${n}`),
      )
      await new Promise((resolve) => setTimeout(resolve, random.int(80, 500)))
      child.kill('SIGKILL')
      await exited
      await Promise.all(writers)

      const onDisk = await readPosts(db)
      expect(model.check(onDisk, 100)).toEqual([])
      // Ids given out after a restart continue above what the file held.
      expect(model.created.filter((id) => id <= highest)).toEqual([])
      expect(model.acknowledged - before).toBeGreaterThan(0)
      // A temp file left behind shows the kill landed in the middle of a file write.
      if ((await readdir(sandbox.dir())).length > 1) midWrite++
      report.push(`${model.acknowledged - before}`)
    }

    running = await sandbox.start(args)
    const served = (await (await fetch(`${running.url}/posts`)).json()) as Post[]
    expect(model.check(served, 100)).toEqual([])
    const next = await fetch(`${running.url}/posts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: 1, title: 'after the crashes', body: '' }),
    })
    expect(((await next.json()) as Post).id).toBe(Math.max(...served.map((post) => post.id)) + 1)
    expect(await running.stop('SIGTERM')).toBe(0)
    console.log(
      `crash rounds: ${model.acknowledged} acknowledged writes (${report.join(' + ')}), 0 lost; ` +
        `${midWrite} of ${ROUNDS} kills landed during a file write`,
    )
  })
})
