import { once } from 'node:events'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, type Running } from '../cli-process.ts'
import { prng, type Prng } from '../fuzz/prng.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'
import { durableData } from '../store/fixtures.ts'

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
  /** Acknowledged writes by method, over the whole run. */
  readonly counts = { POST: 0, PATCH: 0, DELETE: 0 }

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
    // A POST in flight at the kill that made it is known from now on like any other item.
    for (const post of stored)
      if (post.id > 100 && !this.posts.has(post.id)) this.posts.set(post.id, post)
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
        model.counts.POST++
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
        model.counts.PATCH++
      } else {
        model.maybe.set(target, [undefined])
        mine.splice(mine.indexOf(target), 1)
        const response = await fetch(`${url}/posts/${target}`, { method: 'DELETE' })
        ensure(response.status === 200, 'DELETE', response, await response.json())
        model.maybe.delete(target)
        model.posts.delete(target)
        model.deleted.add(target)
        model.acknowledged++
        model.counts.DELETE++
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
  JSON.parse(await readFile(file, 'utf8'))
  // What a restart serves: the file with its journal replayed.
  return ((await durableData(file)) as { posts: Post[] }).posts
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
      // The kill lands at a random moment once the writes are under way.
      while (model.acknowledged === before) await new Promise((resolve) => setTimeout(resolve, 5))
      await new Promise((resolve) => setTimeout(resolve, random.int(20, 400)))
      child.kill('SIGKILL')
      await exited
      await Promise.all(writers)

      const onDisk = await readPosts(db)
      expect(model.check(onDisk, 100)).toEqual([])
      // Every acknowledged item is there and each deleted one gone (check); beyond them and the
      // generated ones only a POST in flight at the kill may show, at most one per writer.
      const extra = onDisk.filter((post) => post.id > 100 && !model.posts.has(post.id))
      expect(extra.length).toBeLessThanOrEqual(WRITERS)
      // Ids given out after a restart continue above what the file held.
      expect(model.created.filter((id) => id <= highest)).toEqual([])
      expect(model.acknowledged - before).toBeGreaterThan(0)
      // A journal left behind shows the kill landed before the file was brought up to date.
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
    // A clean shutdown leaves the plain file alone, holding everything.
    expect(await readdir(sandbox.dir())).toEqual(['db.json'])
    const { counts } = model
    expect(Object.values(counts).every((count) => count > 0)).toBe(true)
    expect(counts.POST + counts.PATCH + counts.DELETE).toBe(model.acknowledged)
    console.log(
      `crash rounds: ${model.acknowledged} acknowledged writes (${report.join(' + ')}), 0 lost; ` +
        `${midWrite} of ${ROUNDS} kills left a journal; acknowledged POST ${counts.POST}, ` +
        `PATCH ${counts.PATCH}, DELETE ${counts.DELETE}`,
    )
  })
})
