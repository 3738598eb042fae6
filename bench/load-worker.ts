// The load generator, run in its own process (pinned to another core than the servers). It reads
// one load job per line of stdin (JSON, see LoadJob), runs autocannon for it and prints one line
// of JSON per job (LoadReply). With a job as its first argument it runs that one and exits:
//   tsx bench/load-worker.ts '{"id":1,"url":"http://127.0.0.1:3000/posts/1","method":"GET","connections":10,"duration":2}'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import type { LoadJob, LoadReply, LoadResult } from './load-types.ts'

type AutocannonOptions = {
  readonly url: string
  readonly method: string
  readonly connections: number
  readonly duration: number
  readonly timeout: number
  readonly pipelining: number
  readonly maxOverallRequests: number
  readonly body?: string
  readonly headers?: Record<string, string>
}
type Histogram = { readonly average: number; readonly total: number }
type Latency = {
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly average: number
  readonly max: number
}
type AutocannonResult = {
  readonly requests: Histogram
  readonly latency: Latency
  readonly throughput: Histogram
  readonly duration: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodeStats?: Record<string, { readonly count: number }>
}
type Instance = { on(event: 'error', listener: (error: unknown) => void): void; stop(): void }
type Autocannon = (
  options: AutocannonOptions,
  done: (error: unknown, result: AutocannonResult) => void,
) => Instance

const require = createRequire(import.meta.url)
const autocannon: Autocannon = require('autocannon')
const version: string = require('autocannon/package.json').version
// Stock autocannon appends every response body to a string it never needs here (responses are
// checked separately): on a 20 MB list that makes the client, not the server, the bottleneck.
const queue: {
  prototype: { addBody: (data: unknown) => void }
} = require('autocannon/lib/pipelinedRequestsQueue')
queue.prototype.addBody = () => undefined

// Requests are bounded by time (duration) and by count, so no job can run away.
const MAX_REQUESTS_PER_SECOND = 200_000

function run(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const cpu = process.cpuUsage()
    const options: AutocannonOptions = {
      url: job.url,
      method: job.method,
      connections: job.connections,
      duration: job.duration,
      timeout: job.timeout ?? 30,
      pipelining: 1,
      maxOverallRequests: Math.ceil(job.duration * MAX_REQUESTS_PER_SECOND),
      ...(job.body === undefined ? {} : { body: job.body }),
      headers: {
        ...(job.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...job.headers,
      },
    }
    const instance = autocannon(options, (error, result) => {
      if (error !== null && error !== undefined) return reject(error)
      const used = process.cpuUsage(cpu)
      const total = result.requests.total
      const codes: Record<string, number> = {}
      for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
        codes[code] = stat.count
      resolve({
        rps: result.duration > 0 ? total / result.duration : 0,
        completed: total,
        seconds: result.duration,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        meanMs: result.latency.average,
        maxMs: result.latency.max,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes: codes,
        bytesPerResponse: total > 0 ? Math.round(result.throughput.total / total) : 0,
        clientCpu: result.duration > 0 ? (used.user + used.system) / 1e4 / result.duration : 0,
        autocannon: version,
      })
    })
    instance.on('error', () => undefined)
  })
}

async function answer(line: string): Promise<LoadReply> {
  let id = -1
  try {
    const job: LoadJob = JSON.parse(line)
    id = job.id
    return { id, ok: true, result: await run(job) }
  } catch (error) {
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

const single = process.argv[2]
if (single !== undefined) {
  process.stdout.write(`${JSON.stringify(await answer(single))}\n`)
} else {
  // One job at a time, in order: the runner waits for each reply before sending the next.
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue
    process.stdout.write(`${JSON.stringify(await answer(line))}\n`)
  }
}
