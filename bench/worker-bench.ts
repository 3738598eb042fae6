// `npm run bench:worker`: the Worker under workerd (`fauxrest worker --dev`, its data in a Durable
// Object's SQLite storage, and a stateless --fake-writes Worker) against the Node server on the
// same requests (outside and inside a session), on 127.0.0.1, interleaved; figures are ratios to the
// Node server in the same run.
// Options: --duration S (per run, default 3), --rounds N (default 2), --connections N (default 10).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { median } from './median.ts'
import { startLoadClient } from './load-client.ts'
import type { LoadJob, LoadResult } from './load-types.ts'

const PROJECT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(PROJECT, 'dist', 'bin.js')
const SCHEMA = join(PROJECT, 'data', 'jsonplaceholder.json')
const POST_BODY = JSON.stringify({ userId: 1, title: 'bench', body: 'b' })

type Server = { readonly name: string; readonly url: string; readonly child: ChildProcess }
type Job = Omit<LoadJob, 'id' | 'url' | 'connections' | 'duration'> & { readonly path: string }

const SCENARIOS: readonly Job[] = [
  { method: 'GET', path: '/posts/1' },
  { method: 'GET', path: '/comments?postId=7' },
  { method: 'GET', path: '/posts?_page=3&_limit=10' },
  { method: 'GET', path: '/users/1/posts' },
  { method: 'POST', path: '/posts', body: POST_BODY },
  { method: 'PATCH', path: '/posts/1', body: JSON.stringify({ title: 'patched' }) },
  // Inside a session: in the Worker, its own object (a Durable Object per session).
  { method: 'GET', path: '/_sessions/bench/posts/1' },
  { method: 'POST', path: '/_sessions/bench/posts', body: POST_BODY },
]

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10' },
  },
})
const duration = Number(values.duration)
const rounds = Number(values.rounds)
const connections = Number(values.connections)

/** Starts the built CLI and resolves with the URL its first line names. */
function start(name: string, args: readonly string[], cwd: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer): void => {
      output += chunk.toString('utf8')
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
      if (match !== null) resolve({ name, url: match[0], child })
    }
    child.stdout.on('data', look)
    child.stderr.on('data', look)
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${output}`)))
  })
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return
  const exited = new Promise((done) => server.child.once('exit', done))
  server.child.kill('SIGTERM')
  await exited
}

const dir = await mkdtemp(join(tmpdir(), 'fauxrest-worker-bench-'))
const client = startLoadClient(PROJECT, undefined)
const servers: Server[] = []
try {
  const quiet = ['--port', '0', '--quiet']
  servers.push(await start('node', [SCHEMA, '--db', join(dir, 'db.json'), ...quiet], dir))
  servers.push(await start('worker', ['worker', SCHEMA, '--dev', '--port', '0', '--out', 'w'], dir))
  const fake = ['worker', SCHEMA, '--dev', '--port', '0', '--fake-writes', '--out', 'fake']
  servers.push(await start('worker --fake-writes', fake, dir))
  const rows: string[] = []
  for (const scenario of SCENARIOS) {
    const rps = new Map<string, number[]>()
    const run = async (server: Server): Promise<LoadResult> =>
      client.run({
        method: scenario.method,
        url: `${server.url}${scenario.path}`,
        connections,
        duration,
        ...(scenario.body === undefined ? {} : { body: scenario.body }),
      })
    // Warm-up: the object starts, the JIT settles.
    for (const server of servers) await run({ ...server }).catch(() => undefined)
    for (let round = 0; round < rounds; round++) {
      for (const server of servers) {
        const result = await run(server)
        if (result.non2xx > 0 || result.errors > 0) {
          throw new Error(
            `${server.name} ${scenario.path}: ${result.non2xx} non-2xx, ${result.errors} errors`,
          )
        }
        rps.set(server.name, [...(rps.get(server.name) ?? []), result.rps])
      }
    }
    const node = median(rps.get('node') ?? [])
    const cells = servers.map((server) => {
      const value = median(rps.get(server.name) ?? [])
      return server.name === 'node'
        ? `${Math.round(value)}/s`
        : `${Math.round(value)}/s (${(value / node).toFixed(2)}×)`
    })
    rows.push(`| ${scenario.method} ${scenario.path} | ${cells.join(' | ')} |`)
  }
  process.stdout.write(
    `${connections} connections, ${rounds} rounds × ${duration} s, medians\n\n` +
      `| request | ${servers.map((server) => server.name).join(' | ')} |\n` +
      `| --- | ${servers.map(() => '---:').join(' | ')} |\n${rows.join('\n')}\n`,
  )
} finally {
  client.close()
  await Promise.all(servers.map((server) => stop(server)))
  await rm(dir, { recursive: true, force: true })
}
