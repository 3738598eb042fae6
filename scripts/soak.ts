// A bounded soak test: the built CLI on a temp copy of the JSONPlaceholder database, under a mixed
// load of about 80% reads and 20% writes for a fixed time. Reports throughput, errors and the
// server's memory (RSS) over the run, then stops the server with SIGTERM and checks it exits 0.
// With `--subscribers N`, N clients also connect to /_events, listen for a while, leave and come
// back, and a few streams stay open through the shutdown, which must end them cleanly.
//
//   npm run build && npm run soak -- --seconds 60 --workers 16 [--subscribers 40] [--json FILE]
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { Agent, request, type ClientRequest } from 'node:http'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

const root = new URL('..', import.meta.url).pathname
const schema = join(root, 'data', 'jsonplaceholder.json')

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    workers: { type: 'string', default: '16' },
    writes: { type: 'string', default: '0.2' },
    subscribers: { type: 'string', default: '0' },
    bin: { type: 'string', default: join(root, 'dist', 'bin.js') },
    json: { type: 'string' },
  },
})
const seconds = Number(values.seconds)
const workers = Number(values.workers)
const writeShare = Number(values.writes)
const subscribers = Number(values.subscribers)
const bin = values.bin
if (!(seconds > 0 && workers > 0 && writeShare >= 0 && writeShare <= 1 && subscribers >= 0)) {
  throw new Error(
    'usage: soak [--seconds N] [--workers N] [--writes 0..1] [--subscribers N] [--bin FILE] [--json FILE]',
  )
}
if (!existsSync(bin)) throw new Error('dist/bin.js is missing: run `npm run build` first')

type Post = { id: number; userId: number; title: string; body: string }

const dir = await mkdtemp(join(tmpdir(), 'fauxrest-soak-'))
const db = join(dir, 'db.json')
const server = spawn(process.execPath, [bin, schema, '--db', db, '--port', '0', '--quiet'], {
  cwd: dir,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, NO_COLOR: '1' },
})
let output = ''
server.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
server.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
const url = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', () => {
    const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output)
    if (match) resolve(match[0])
  })
  server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)))
})
const pid = server.pid
if (pid === undefined) throw new Error('the server has no pid')

/** Resident memory of the server in MiB (Linux /proc, else ps). */
async function rss(): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1])
    if (Number.isFinite(kib)) return kib / 1024
  } catch {
    // No /proc here: ask ps.
  }
  const ps = spawn('ps', ['-o', 'rss=', '-p', String(pid)])
  let text = ''
  ps.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
  await once(ps, 'exit')
  return Number(text.trim()) / 1024
}

const stats = { reads: 0, writes: 0, failures: 0, statuses: new Map<number, number>() }
const latencies: number[] = []
// xorshift32: the same sequence of operations on every run.
let seed = 12_345
const random = (): number => {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 2 ** 32
}
const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

// node:http with kept-alive connections: fetch would cost the client more than the server.
const agent = new Agent({ keepAlive: true, maxSockets: workers })

type Answer = { status: number; location: string | undefined }

function call(method: string, path: string, body?: object): Promise<Answer | undefined> {
  const started = performance.now()
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = {}
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json'
      headers['Content-Length'] = Buffer.byteLength(payload)
    }
    const req = request(`${url}${path}`, { method, agent, headers }, (response) => {
      response.resume()
      response.on('end', () => {
        latencies.push(performance.now() - started)
        const status = response.statusCode ?? 0
        if (status >= 300) stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1)
        resolve({ status, location: response.headers.location })
      })
    })
    req.on('error', () => {
      stats.failures++
      resolve(undefined)
    })
    req.end(payload)
  })
}

const READS: readonly (() => string)[] = [
  () => `/posts/${between(1, 100)}`,
  () => `/posts?_page=${between(1, 10)}&_limit=10`,
  () => `/users/${between(1, 10)}/posts`,
  () => `/comments?postId=${between(1, 100)}`,
  () => `/photos?albumId=${between(1, 100)}&_limit=20`,
  () => `/posts?q=${['dolor', 'sit', 'amet', 'qui'][between(0, 3)]}&_limit=5`,
  () => `/posts/${between(1, 100)}?_embed=comments`,
  () => `/todos?completed=true&_sort=title`,
]

/** One client: reads, and writes that create, update and delete its own posts (bounded). */
async function worker(deadline: number): Promise<void> {
  const mine: number[] = []
  while (Date.now() < deadline) {
    if (random() >= writeShare) {
      await call('GET', READS[between(0, READS.length - 1)]?.() ?? '/posts')
      stats.reads++
      continue
    }
    stats.writes++
    const target = mine[between(0, mine.length - 1)]
    if (target === undefined || (mine.length < 20 && random() < 0.5)) {
      const body = { userId: between(1, 10), title: 'soak', body: 'x'.repeat(between(10, 300)) }
      const response = await call('POST', '/posts', body)
      const id = Number(response?.location?.split('/').pop())
      if (response?.status === 201 && Number.isInteger(id)) mine.push(id)
    } else if (random() < 0.5) {
      await call('PATCH', `/posts/${target}`, { title: `soak ${between(1, 1000)}` })
    } else {
      mine.splice(mine.indexOf(target), 1)
      await call('DELETE', `/posts/${target}`)
    }
  }
  for (const id of mine) await call('DELETE', `/posts/${id}`)
}

const TOPICS = ['', '?resource=posts', '?path=/users/1/posts', '?resource=posts&id=5']
const feed = { connects: 0, events: 0, endedCleanly: 0, failures: 0 }

/** Opens /_events; resolves with the request once the stream has started. */
function listen(query: string, onEnd: (clean: boolean) => void): Promise<ClientRequest> {
  return new Promise((resolve) => {
    const req = request(`${url}/_events${query}`, (response) => {
      feed.connects++
      response.on('data', (chunk: Buffer) => {
        for (let at = chunk.indexOf('event: '); at !== -1; at = chunk.indexOf('event: ', at + 1)) {
          feed.events++
        }
      })
      // 'end' only when the server finished the stream: a client that leaves sees 'aborted'.
      response.once('end', () => onEnd(true))
      response.once('aborted', () => onEnd(false))
      resolve(req)
    })
    req.on('error', () => {
      feed.failures++
      resolve(req)
    })
    req.end()
  })
}

/** A subscriber that connects, listens for 0.1-2 s, leaves, and comes back, until the deadline. */
async function subscriber(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const req = await listen(TOPICS[between(0, TOPICS.length - 1)] ?? '', () => undefined)
    await new Promise((resolve) => setTimeout(resolve, between(100, 2000)))
    req.destroy()
  }
}

// Streams that stay through the shutdown: it must end each one cleanly.
const stayers = Array.from(
  { length: subscribers > 0 ? 4 : 0 },
  (_, index) =>
    new Promise<void>((ended) => {
      void listen(TOPICS[index] ?? '', (clean) => {
        if (clean) feed.endedCleanly++
        ended()
      })
    }),
)

const idle = await rss()
const started = Date.now()
const deadline = started + seconds * 1000
const samples: { at: number; mib: number }[] = []
const sampler = setInterval(() => {
  void rss().then((mib) => samples.push({ at: (Date.now() - started) / 1000, mib }))
}, 1000)
await Promise.all([
  ...Array.from({ length: workers }, () => worker(deadline)),
  ...Array.from({ length: subscribers }, () => subscriber(deadline)),
])
clearInterval(sampler)
agent.destroy()
const elapsed = (Date.now() - started) / 1000
const finalRss = await rss()

server.kill('SIGTERM')
const [code] = (await once(server, 'exit')) as [number | null]
// The stayers' streams ended before the server exited; their last reads may still be on the way.
await Promise.race([Promise.all(stayers), new Promise((resolve) => setTimeout(resolve, 2000))])
const fileSize = (await stat(db)).size
const parses = JSON.parse(await readFile(db, 'utf8')) as { posts: Post[] }
await rm(dir, { recursive: true, force: true })

latencies.sort((a, b) => a - b)
const percentile = (p: number): string =>
  (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(1)
const warm = samples.find((sample) => sample.at >= 5) ?? samples[0]
const peak = Math.max(...samples.map((sample) => sample.mib), finalRss)
const total = stats.reads + stats.writes
const mib = (value: number): string => `${value.toFixed(1)} MiB`

// A heap that grows to its working size and stays there shows ~0; a leak keeps growing.
function steadyDrift(all: readonly { mib: number }[]): number {
  const third = Math.floor(all.length / 3)
  const median = (part: readonly { mib: number }[]): number => {
    const sorted = part.map((sample) => sample.mib).toSorted((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)] ?? 0
  }
  return third === 0 ? 0 : median(all.slice(-third)) - median(all.slice(third, 2 * third))
}

// Every tenth sample, so a leak (steady growth) shows apart from a heap that settles.
function trajectory(all: readonly { at: number; mib: number }[]): string {
  const step = Math.max(1, Math.round(all.length / 10))
  return all
    .filter((_, index) => index % step === 0 || index === all.length - 1)
    .map((sample) => `${sample.at.toFixed(0)}s ${sample.mib.toFixed(0)}`)
    .join(', ')
}

console.log(
  [
    `soak: ${elapsed.toFixed(1)} s, ${workers} workers, ${Math.round(writeShare * 100)}% writes`,
    `  requests   ${total} (${(total / elapsed).toFixed(0)} req/s)`,
    `  reads      ${stats.reads} (${(stats.reads / elapsed).toFixed(0)} /s)`,
    `  writes     ${stats.writes} (${(stats.writes / elapsed).toFixed(0)} /s)`,
    `  latency    p50 ${percentile(0.5)} ms, p99 ${percentile(0.99)} ms, max ${percentile(1)} ms`,
    `  errors     ${stats.failures} failed requests; answers >= 300: ${JSON.stringify(Object.fromEntries(stats.statuses))}`,
    `  memory     idle ${mib(idle)}, after 5 s ${mib(warm?.mib ?? idle)}, end ${mib(finalRss)}, peak ${mib(peak)}`,
    `  drift      ${mib(finalRss - (warm?.mib ?? idle))} from 5 s to the end; ${mib(steadyDrift(samples))} from the middle third to the last (medians)`,
    `  rss        ${trajectory(samples)}`,
    `  database   ${parses.posts.length} posts, ${(fileSize / 1024).toFixed(0)} KiB on disk, parses`,
    ...(subscribers > 0
      ? [
          `  feed       ${subscribers} subscribers: ${feed.connects} connects, ${feed.events} events, ${feed.failures} failed; ` +
            `${feed.endedCleanly}/${stayers.length} open streams ended cleanly at shutdown`,
        ]
      : []),
    `  shutdown   SIGTERM -> exit code ${code}`,
  ].join('\n'),
)
if (values.json !== undefined) {
  const result = {
    seconds: Math.round(elapsed),
    subscriberConnects: feed.connects,
    eventsReceived: feed.events,
    warmMiB: warm?.mib ?? idle,
    endMiB: finalRss,
    peakMiB: peak,
    driftMiB: steadyDrift(samples),
    trajectory: trajectory(samples),
    shutdownCode: code,
    streamsEndedCleanly: feed.endedCleanly,
    failures: stats.failures + feed.failures,
  }
  await writeFile(values.json, `${JSON.stringify(result, null, 2)}\n`)
}
const feedFailed = feed.failures > 0 || feed.endedCleanly < stayers.length
if (code !== 0 || stats.failures > 0 || stats.statuses.size > 0 || feedFailed) process.exitCode = 1
