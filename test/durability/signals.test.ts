import { once } from 'node:events'
import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliSandbox, type Running } from '../cli-process.ts'
import { JSONPLACEHOLDER } from '../helpers.ts'

const sandbox = cliSandbox()
let running: Running | undefined

type Answer = { status: number | undefined; connection: string | undefined; body: unknown }

/** A POST whose body is sent in two halves: the request stays open until `finish` is called. */
async function halfSentPost(url: string, agent: Agent, body: object) {
  const text = JSON.stringify(body)
  const half = Math.floor(text.length / 2)
  const req: ClientRequest = request(`${url}/posts`, {
    method: 'POST',
    agent,
    headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
  })
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (response: IncomingMessage) => {
      let data = ''
      response.setEncoding('utf8').on('data', (chunk: string) => (data += chunk))
      response.on('end', () => {
        const { statusCode: status, headers } = response
        resolve({ status, connection: headers.connection, body: JSON.parse(data) })
      })
      response.on('error', reject)
    })
    req.on('error', reject)
  })
  // Resolves once the first half has left for the server.
  await new Promise<void>((resolve, reject) =>
    req.write(text.slice(0, half), (error) => (error ? reject(error) : resolve())),
  )
  return { answer, finish: () => req.end(text.slice(half)) }
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(['SIGTERM', 'SIGINT'] as const)('%s', (signal) => {
  it('stops accepting, finishes the requests in flight, saves them and exits 0', async () => {
    const db = join(sandbox.dir(), 'db.json')
    running = await sandbox.start([JSONPLACEHOLDER, '--port', '0', '--db', db, '--quiet'])
    const { url, child } = running
    const agent = new Agent({ keepAlive: true })
    const bodies = Array.from({ length: 8 }, (_, n) => ({
      userId: n + 1,
      title: `in flight ${n}`,
      body: 'sent across the signal',
    }))
    const posts = []
    for (const body of bodies) posts.push(await halfSentPost(url, agent, body))
    // An answer on a later connection: the server has taken in the earlier ones.
    expect((await fetch(`${url}/posts/1`)).status).toBe(200)

    const exited = once(child, 'exit')
    child.kill(signal)
    await until(() => running?.output().includes(`${signal} received`) === true)
    const refused: unknown = await fetch(`${url}/posts/1`).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(TypeError)

    for (const post of posts) post.finish()
    const answers = await Promise.all(posts.map((post) => post.answer))
    // Answered in full, on connections that then close rather than hold the server open.
    expect(answers).toEqual(
      bodies.map((body, n) => ({
        status: 201,
        connection: 'close',
        body: { ...body, id: 101 + n },
      })),
    )
    const [code] = (await exited) as [number | null]
    expect(code).toBe(0)
    agent.destroy()

    const onDisk = JSON.parse(await readFile(db, 'utf8')) as { posts: unknown[] }
    expect(onDisk.posts.slice(100)).toEqual(answers.map((answer) => answer.body))
    expect(running.output()).toContain(
      `fauxrest: ${signal} received, finishing requests in flight and saving…\n`,
    )
  })
})
