// The change feed's figures: POST throughput with 1,000 open /_events streams against none, the
// time from a write's answer to its event, and memory over a soak with subscribers coming and
// going. Every ratio is against the same server without streams, measured in the same run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import type { BenchOptions } from './bench-options.ts'
import type { Sample } from './load-types.ts'
import { median } from './median.ts'
import type { LoadClient } from './load-client.ts'
import { measure, settle } from './measure-load.ts'
import { CLOCK_TICKS, cpuTicks } from './proc-stats.ts'
import { SCENARIOS } from './scenarios.ts'
import type { RunningServer } from './server-process.ts'

export const FEED_TARGETS = {
  /** POST req/s with 1,000 streams open, as a fraction of none, at least. */
  throughput: 0.8,
  /** Median ms from a write's answer to its event at a local subscriber, at most. */
  latencyMs: 50,
} as const

export const STREAMS = 1000
const LATENCY_WRITES = 200

/** Which streams are open while POSTs are measured. */
export type StreamMode = 'none' | 'other-resource' | 'every-change'
const QUERY: Record<Exclude<StreamMode, 'none'>, string> = {
  // Dashboards of another resource: each stream hears nothing while posts are written.
  'other-resource': '?resource=users',
  // Every stream hears every POST.
  'every-change': '',
}

export type FeedModeResult = {
  readonly mode: StreamMode
  readonly samples: Sample[]
  /** Median req/s. */
  readonly rps: number
  /** Against `none`. */
  readonly ratio: number
  /** Events the subscribers received per measured sample (median), all streams together. */
  readonly eventsReceived: number
  /**
   * The server's CPU time per POST answered (median µs): unlike req/s, it does not depend on what
   * else the machine runs, the subscribers' process among them.
   */
  readonly serverUsPerPost: number
  /** The subscribers' process's CPU use while POSTs were measured (median, % of one core). */
  readonly subscribersCpu: number
  /**
   * Streams still open after a sample, fewest over the rounds: the server drops a stream whose
   * client falls 1 MB behind (with a final `reset`), and a sample without all its streams did not
   * measure what it says.
   */
  readonly streamsOpen: number
}

export type LatencyResult = {
  readonly streams: number
  readonly writes: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

export type SoakResult = {
  readonly seconds: number
  readonly subscriberConnects: number
  readonly eventsReceived: number
  readonly warmMiB: number
  readonly endMiB: number
  readonly peakMiB: number
  /** Median of the last third minus median of the middle third. */
  readonly driftMiB: number
  readonly trajectory: string
  readonly shutdownCode: number | null
  readonly streamsEndedCleanly: number
  readonly failures: number
}

export type FeedResults = {
  readonly modes: FeedModeResult[]
  readonly latency: LatencyResult[]
  readonly soak: SoakResult | undefined
}

type Subscribers = {
  readonly pid: number
  readonly send: (line: string) => Promise<string>
  readonly close: () => void
}

const SUBSCRIBERS = fileURLToPath(new URL('./feed-subscribers.ts', import.meta.url))

function startSubscribers(projectDir: string, core: number | undefined): Subscribers {
  const argv = [process.execPath, '--import', 'tsx', SUBSCRIBERS]
  const [command, ...args] = core === undefined ? argv : ['taskset', '-c', String(core), ...argv]
  const child: ChildProcessWithoutNullStreams = spawn(command ?? process.execPath, args, {
    cwd: projectDir,
    stdio: 'pipe',
  })
  child.stderr.pipe(process.stderr)
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line))
  return {
    pid: child.pid ?? 0,
    send: (line) =>
      new Promise((resolve, reject) => {
        waiting.push((answer) =>
          answer.startsWith('error') ? reject(new Error(answer)) : resolve(answer),
        )
        child.stdin.write(`${line}\n`)
      }),
    close: () => {
      child.stdin.end()
      child.kill('SIGTERM')
    },
  }
}

const post = SCENARIOS.find((scenario) => scenario.name === 'post')

/** POST throughput without streams, with 1,000 on another resource, with 1,000 on every change. */
async function throughput(
  server: RunningServer,
  load: LoadClient,
  subscribers: Subscribers,
  options: BenchOptions,
  say: (line: string) => void,
): Promise<FeedModeResult[]> {
  if (post === undefined) throw new Error('no POST scenario')
  const modes: StreamMode[] = ['none', 'other-resource', 'every-change']
  const samples = new Map<StreamMode, Sample[]>(modes.map((mode) => [mode, []]))
  const received = new Map<StreamMode, number[]>(modes.map((mode) => [mode, []]))
  const perPost = new Map<StreamMode, number[]>(modes.map((mode) => [mode, []]))
  const subscribersCpu = new Map<StreamMode, number[]>(modes.map((mode) => [mode, []]))
  const stillOpen = new Map<StreamMode, number[]>(modes.map((mode) => [mode, []]))
  for (let round = 0; round < options.rounds; round++) {
    for (const mode of round % 2 === 1 ? modes.toReversed() : modes) {
      if (mode !== 'none') await subscribers.send(`open ${STREAMS} ${server.port} ${QUERY[mode]}`)
      await subscribers.send('count')
      // The subscribers' CPU over the whole sample (warm-up included), as a share of its time.
      const ticks0 = cpuTicks(subscribers.pid)
      const started = performance.now()
      const sample = await measure(load, server, [server], post, options, round)
      const seconds = (performance.now() - started) / 1000
      const theirs = ((cpuTicks(subscribers.pid) - ticks0) / CLOCK_TICKS / seconds) * 100
      const [, events = '0', , open = '0'] = (await subscribers.send('count')).split(' ')
      await subscribers.send('close')
      samples.get(mode)?.push(sample)
      received.get(mode)?.push(Number(events))
      const us = (sample.serverCpu / 100 / sample.rps) * 1e6
      perPost.get(mode)?.push(us)
      subscribersCpu.get(mode)?.push(theirs)
      stillOpen.get(mode)?.push(Number(open))
      say(
        `  feed POST streams=${mode.padEnd(14)} r${round + 1} ${sample.rps.toFixed(1).padStart(8)} req/s ` +
          `p50/p99 ${sample.p50}/${sample.p99} ms  server ${sample.serverCpu}% load ${sample.clientCpu}% ` +
          `other ${sample.otherCpu}% (subscribers ${theirs.toFixed(0)}%)  server ${us.toFixed(0)} µs/POST  ` +
          `events received ${events} (${open} streams open at the end)`,
      )
    }
  }
  const rpsOf = (mode: StreamMode): number => median((samples.get(mode) ?? []).map((s) => s.rps))
  const none = rpsOf('none')
  return modes.map((mode) => ({
    mode,
    samples: samples.get(mode) ?? [],
    rps: rpsOf(mode),
    ratio: rpsOf(mode) / none,
    eventsReceived: median(received.get(mode) ?? []),
    serverUsPerPost: median(perPost.get(mode) ?? []),
    subscribersCpu: median(subscribersCpu.get(mode) ?? []),
    streamsOpen: Math.min(...(stillOpen.get(mode) ?? [0])),
  }))
}

/** Sequential POSTs; for each, ms from the end of its answer to its event on our own stream. */
async function latency(port: number, streams: number): Promise<LatencyResult> {
  const arrived = new Map<number, number>()
  const waiters = new Map<number, () => void>()
  const stream = request({ host: '127.0.0.1', port, path: '/_events?resource=posts' })
  await new Promise<void>((resolve, reject) => {
    stream.on('response', (response) => {
      let buffer = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        const now = performance.now()
        buffer += chunk
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const match = /^data: \{"resource":"posts","id":(\d+)/m.exec(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
          if (match === null) continue
          const id = Number(match[1])
          arrived.set(id, now)
          waiters.get(id)?.()
        }
      })
      resolve()
    })
    stream.on('error', reject)
    stream.end()
  })
  const gaps: number[] = []
  const body = post?.body ?? '{}'
  for (let index = 0; index < LATENCY_WRITES; index++) {
    const { id, answeredAt } = await new Promise<{ id: number; answeredAt: number }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/posts',
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
          },
          (response) => {
            const location = response.headers.location ?? ''
            response.resume()
            response.on('end', () =>
              resolve({ id: Number(location.split('/').pop()), answeredAt: performance.now() }),
            )
          },
        )
        req.on('error', reject)
        req.end(body)
      },
    )
    if (!arrived.has(id)) await new Promise<void>((resolve) => waiters.set(id, resolve))
    waiters.delete(id)
    // An event may come before the answer's last byte is read: that counts as no wait.
    gaps.push(Math.max(0, (arrived.get(id) ?? answeredAt) - answeredAt))
  }
  stream.destroy()
  const sorted = gaps.toSorted((a, b) => a - b)
  const at = (p: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 100) /
    100
  return { streams, writes: gaps.length, p50: at(0.5), p99: at(0.99), max: at(1) }
}

/** Runs scripts/soak.ts with subscribers on the built CLI and reads its JSON report. */
async function soak(
  projectDir: string,
  bin: string,
  seconds: number,
  workDir: string,
): Promise<SoakResult> {
  const out = join(workDir, 'soak.json')
  const script = join(projectDir, 'scripts', 'soak.ts')
  const args = ['--import', 'tsx', script, '--bin', bin, '--seconds', String(seconds)]
  const child = spawn(process.execPath, [...args, '--subscribers', '40', '--json', out], {
    cwd: projectDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`the soak failed (exit ${code})`)
  return JSON.parse(await readFile(out, 'utf8')) as SoakResult
}

export type FeedBenchContext = {
  readonly projectDir: string
  readonly bin: string
  readonly workDir: string
  readonly server: RunningServer
  readonly load: LoadClient
  /** The load generator's core: subscribers are clients too. */
  readonly clientCore: number | undefined
  readonly options: BenchOptions
  readonly say: (line: string) => void
}

export async function runFeedBench(context: FeedBenchContext): Promise<FeedResults> {
  const { server, say } = context
  say(`\n# change feed: POST ${post?.path ?? ''} with 0 and ${STREAMS} open /_events streams`)
  const subscribers = startSubscribers(context.projectDir, context.clientCore)
  try {
    const modes = await throughput(server, context.load, subscribers, context.options, say)
    await settle([server])
    const alone = await latency(server.port, 0)
    say(`  feed latency, no other stream: p50 ${alone.p50} ms, p99 ${alone.p99} ms`)
    await subscribers.send(`open ${STREAMS} ${server.port} ${QUERY['every-change']}`)
    const crowded = await latency(server.port, STREAMS)
    await subscribers.send('close')
    say(`  feed latency, ${STREAMS} other streams: p50 ${crowded.p50} ms, p99 ${crowded.p99} ms`)
    const soakResult =
      context.options.soak > 0
        ? await soak(context.projectDir, context.bin, context.options.soak, context.workDir)
        : undefined
    return { modes, latency: [alone, crowded], soak: soakResult }
  } finally {
    subscribers.close()
  }
}

/** The feed's lines of the summary: figure, value, baseline, ratio, target, met. */
export function feedRows(results: FeedResults): string[][] {
  const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 })
  const rows: string[][] = []
  const none = results.modes.find((mode) => mode.mode === 'none')
  for (const mode of results.modes) {
    if (mode.mode === 'none' || none === undefined) continue
    const dropped = STREAMS - mode.streamsOpen
    rows.push([
      `POST /posts, ${fmt(STREAMS)} streams (${mode.mode})` +
        (dropped > 0 ? `, ${fmt(dropped)} dropped as too slow` : ''),
      `${fmt(mode.rps)}/s`,
      `${fmt(none.rps)}/s`,
      `${mode.ratio.toFixed(2)}×`,
      `≥ ${FEED_TARGETS.throughput}×`,
      mode.ratio >= FEED_TARGETS.throughput && dropped === 0 ? '✓' : '✗',
    ])
    // What the server spends per POST, whatever else the machine runs: as a ratio, the throughput
    // with streams against without if the server's core were its own.
    rows.push([
      `server CPU per POST, ${fmt(STREAMS)} streams (${mode.mode})`,
      `${fmt(mode.serverUsPerPost)} µs`,
      `${fmt(none.serverUsPerPost)} µs`,
      `${(none.serverUsPerPost / mode.serverUsPerPost).toFixed(2)}×`,
      '',
      '',
    ])
  }
  for (const figure of results.latency) {
    rows.push([
      `write answer → event, ${fmt(figure.streams)} other streams (p50, p99)`,
      `${figure.p50} ms, ${figure.p99} ms`,
      '',
      '',
      `p50 ≤ ${FEED_TARGETS.latencyMs} ms`,
      figure.p50 <= FEED_TARGETS.latencyMs ? '✓' : '✗',
    ])
  }
  const soakResult = results.soak
  if (soakResult !== undefined) {
    rows.push([
      `RSS over a ${soakResult.seconds} s soak, ${fmt(soakResult.subscriberConnects)} subscriber connects`,
      `${soakResult.warmMiB.toFixed(0)} → ${soakResult.endMiB.toFixed(0)} MiB (drift ${soakResult.driftMiB.toFixed(1)})`,
      '',
      '',
      'flat (drift < 5 MiB)',
      Math.abs(soakResult.driftMiB) < 5 ? '✓' : '✗',
    ])
  }
  return rows
}
