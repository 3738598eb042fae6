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
import { httpRequest } from './http-request.ts'
import { CLOCK_TICKS, cpuSplit, cpuTicks } from './proc-stats.ts'
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
  /** Against `none` on the same server. */
  readonly ratio: number
  /** Events the subscribers received per measured sample (median), all streams together. */
  readonly eventsReceived: number
  /** POSTs answered per sample (median), warm-up included. */
  readonly posts: number
  /** Every open stream heard every POST of every sample (of those that hear POSTs). */
  readonly complete: boolean
  /**
   * The server's CPU time per POST answered (median µs): unlike req/s, it does not depend on what
   * else the machine runs, the subscribers' process among them.
   */
  readonly serverUsPerPost: number
  /** The share of that CPU time spent in the kernel (median, %). */
  readonly serverSystemShare: number
  /** The subscribers' process's CPU use while POSTs were measured (median, % of one core). */
  readonly subscribersCpu: number
  /**
   * Streams still open after a sample, fewest over the rounds: the server drops a stream whose
   * client falls 1 MB behind (with a final `reset`), and a sample without all its streams did not
   * measure what it says.
   */
  readonly streamsOpen: number
  /**
   * Answer → event on a stream of our own while the POSTs were measured (every-change), one POST
   * after another, all rounds together.
   */
  readonly underFlood: LatencyResult | undefined
}

/** A server's POST figures with and without streams. */
export type FeedServerResult = {
  /** `fauxrest`, or which bare node:http baseline (see bench/baseline-server.ts). */
  readonly label: string
  readonly modes: FeedModeResult[]
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
  /** fauxrest's. */
  readonly modes: FeedModeResult[]
  /** The bare baselines' with the same streams, measured in the same rounds. */
  readonly baselines: FeedServerResult[]
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

/** A server to measure, with the stream modes to measure it in. */
type Target = {
  readonly label: string
  readonly server: RunningServer
  readonly modes: StreamMode[]
}

type Measured = {
  readonly sample: Sample
  readonly events: number
  readonly posts: number
  readonly us: number
  readonly systemShare: number
  readonly subscribersCpu: number
  readonly open: number
  readonly complete: boolean
  /** Answer → event on a stream of our own, POST after POST during the flood. */
  readonly gaps: readonly number[]
}

/** Rows of `/posts` now (the POSTs a sample made, warm-up included, are the difference). */
async function postCount(port: number): Promise<number> {
  const answer = await httpRequest(port, 'GET', '/posts?_page=1&_limit=1')
  const total = Number(answer.headers['x-total-count'])
  if (answer.status !== 200 || !Number.isInteger(total)) {
    throw new Error(`GET /posts?_page=1 on port ${port}: ${answer.status}, no X-Total-Count`)
  }
  return total
}

type Counts = { events: number; open: number; fewest: number; most: number }

async function counts(subscribers: Subscribers): Promise<Counts> {
  const [, events = '0', , open = '0', fewest = '0', most = '0'] = (
    await subscribers.send('count')
  ).split(' ')
  return { events: Number(events), open: Number(open), fewest: Number(fewest), most: Number(most) }
}

// Events still on their way after the last answer: waits until every stream has `expected` or
// the counts stop moving.
async function settledCounts(subscribers: Subscribers, expected: number): Promise<Counts> {
  let last = await counts(subscribers)
  for (let tries = 0; tries < 50 && last.fewest < expected; tries++) {
    await new Promise((done) => setTimeout(done, 100))
    const now = await counts(subscribers)
    if (now.events === last.events) return now
    last = now
  }
  return last
}

async function measureMode(
  target: Target,
  mode: StreamMode,
  servers: readonly RunningServer[],
  load: LoadClient,
  subscribers: Subscribers,
  options: BenchOptions,
  round: number,
  say: (line: string) => void,
): Promise<Measured> {
  if (post === undefined) throw new Error('no POST scenario')
  const { server } = target
  if (mode !== 'none') await subscribers.send(`open ${STREAMS} ${server.port} ${QUERY[mode]}`)
  const before = await postCount(server.port)
  // The subscribers' CPU over the whole sample (warm-up included), as a share of its time; the
  // server's kernel share over the same.
  const ticks0 = cpuTicks(subscribers.pid)
  const split0 = cpuSplit(server.pid)
  const started = performance.now()
  // With every stream hearing every POST, our own stream times POSTs during the flood too.
  const gaps: number[] = []
  const alongside = mode === 'every-change' ? latencyAlongside(server.port, gaps) : undefined
  const sample = await measure(load, server, servers, post, options, round, alongside)
  const seconds = (performance.now() - started) / 1000
  const theirs = ((cpuTicks(subscribers.pid) - ticks0) / CLOCK_TICKS / seconds) * 100
  const split1 = cpuSplit(server.pid)
  const system = split1.system - split0.system
  const systemShare = (system / (system + split1.user - split0.user || 1)) * 100
  const posts = (await postCount(server.port)) - before
  const heard =
    mode === 'none' ? await counts(subscribers) : await settledCounts(subscribers, posts)
  await subscribers.send('close')
  const us = (sample.serverCpu / 100 / sample.rps) * 1e6
  const complete = heard.fewest === posts && heard.most === posts
  const every =
    mode !== 'every-change'
      ? ''
      : complete
        ? ', every POST reached every stream'
        : `, NOT every event: ${heard.fewest}–${heard.most} a stream for ${posts} POSTs`
  say(
    `  feed POST ${target.label.padEnd(14)} streams=${mode.padEnd(14)} r${round + 1} ` +
      `${sample.rps.toFixed(1).padStart(8)} req/s p50/p99 ${sample.p50}/${sample.p99} ms  ` +
      `server ${sample.serverCpu}% load ${sample.clientCpu}% other ${sample.otherCpu}% ` +
      `(subscribers ${theirs.toFixed(0)}%)  server ${us.toFixed(0)} µs/POST, ` +
      `${systemShare.toFixed(0)}% in the kernel  events received ${heard.events} ` +
      (gaps.length === 0
        ? ''
        : `answer → event under the flood p50/p99 ${percentiles(gaps, 0).p50}/` +
          `${percentiles(gaps, 0).p99} ms (${gaps.length} POSTs) `) +
      `(${heard.open} streams open at the end${every})`,
  )
  return {
    sample,
    events: heard.events,
    posts,
    us,
    systemShare,
    subscribersCpu: theirs,
    open: heard.open,
    complete: mode !== 'every-change' || complete,
    gaps,
  }
}

/**
 * POST throughput on each target in each of its modes, rounds interleaved (every other round in
 * reverse), with the same subscribers.
 */
async function throughput(
  targets: readonly Target[],
  load: LoadClient,
  subscribers: Subscribers,
  options: BenchOptions,
  say: (line: string) => void,
): Promise<FeedServerResult[]> {
  const servers = targets.map((target) => target.server)
  const runs = targets.flatMap((target) => target.modes.map((mode) => ({ target, mode })))
  const key = (target: Target, mode: StreamMode): string => `${target.label} ${mode}`
  const measured = new Map<string, Measured[]>()
  for (let round = 0; round < options.rounds; round++) {
    for (const run of round % 2 === 1 ? runs.toReversed() : runs) {
      const result = await measureMode(
        run.target,
        run.mode,
        servers,
        load,
        subscribers,
        options,
        round,
        say,
      )
      measured.set(key(run.target, run.mode), [
        ...(measured.get(key(run.target, run.mode)) ?? []),
        result,
      ])
    }
  }
  return targets.map((target) => {
    const of = (mode: StreamMode): Measured[] => measured.get(key(target, mode)) ?? []
    const rpsOf = (mode: StreamMode): number => median(of(mode).map((m) => m.sample.rps))
    const none = rpsOf('none')
    return {
      label: target.label,
      modes: target.modes.map((mode) => ({
        mode,
        samples: of(mode).map((m) => m.sample),
        rps: rpsOf(mode),
        ratio: rpsOf(mode) / none,
        eventsReceived: median(of(mode).map((m) => m.events)),
        posts: median(of(mode).map((m) => m.posts)),
        complete: of(mode).every((m) => m.complete),
        serverUsPerPost: median(of(mode).map((m) => m.us)),
        serverSystemShare: median(of(mode).map((m) => m.systemShare)),
        subscribersCpu: median(of(mode).map((m) => m.subscribersCpu)),
        streamsOpen: Math.min(...of(mode).map((m) => m.open)),
        underFlood:
          mode === 'every-change'
            ? percentiles(
                of(mode).flatMap((m) => m.gaps),
                STREAMS,
              )
            : undefined,
      })),
    }
  })
}

type Probe = {
  /** One POST; resolves with ms from the end of its answer to its event on the probe's stream. */
  readonly write: () => Promise<number>
  readonly close: () => void
}

/** A stream of the posts' events of our own, to time POSTs by. */
async function openProbe(port: number): Promise<Probe> {
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
        let start = 0
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n', start)) {
          const message = buffer.slice(start, end)
          start = end + 2
          const match = /^data: \{"resource":"posts","id":(\d+)/m.exec(message)
          if (match === null) continue
          const id = Number(match[1])
          arrived.set(id, now)
          waiters.get(id)?.()
        }
        buffer = buffer.slice(start)
      })
      resolve()
    })
    stream.on('error', reject)
    stream.end()
  })
  const body = post?.body ?? '{}'
  const write = async (): Promise<number> => {
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
    const at = arrived.get(id) ?? answeredAt
    arrived.clear()
    // An event may come before the answer's last byte is read: that counts as no wait.
    return Math.max(0, at - answeredAt)
  }
  return { write, close: () => stream.destroy() }
}

function percentiles(gaps: readonly number[], streams: number): LatencyResult {
  const sorted = gaps.toSorted((a, b) => a - b)
  const at = (p: number): number =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 100) /
    100
  return { streams, writes: gaps.length, p50: at(0.5), p99: at(0.99), max: at(1) }
}

/** Sequential POSTs; for each, ms from the end of its answer to its event on our own stream. */
async function latency(port: number, streams: number): Promise<LatencyResult> {
  const probe = await openProbe(port)
  const gaps: number[] = []
  for (let index = 0; index < LATENCY_WRITES; index++) gaps.push(await probe.write())
  probe.close()
  return percentiles(gaps, streams)
}

/** The same, one POST after another for as long as the POST flood of a sample lasts. */
function latencyAlongside(port: number, gaps: number[]): () => () => Promise<void> {
  return () => {
    const flood = { on: true }
    const done = (async (): Promise<void> => {
      const probe = await openProbe(port)
      while (flood.on) gaps.push(await probe.write())
      probe.close()
    })()
    return async () => {
      flood.on = false
      await done
    }
  }
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
  /** Bare node:http servers with a bare `/_events`, measured with the same streams. */
  readonly baselines: readonly { readonly label: string; readonly server: RunningServer }[]
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
    const targets: Target[] = [
      { label: 'fauxrest', server, modes: ['none', 'other-resource', 'every-change'] },
      ...context.baselines.map((baseline) => ({
        ...baseline,
        modes: ['none', 'every-change'] satisfies StreamMode[],
      })),
    ]
    const [ours, ...baselines] = await throughput(
      targets,
      context.load,
      subscribers,
      context.options,
      say,
    )
    const modes = ours?.modes ?? []
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
    return { modes, baselines, latency: [alone, crowded], soak: soakResult }
  } finally {
    subscribers.close()
  }
}

/** The feed's lines of the summary: figure, value, baseline, ratio, target, met. */
export function feedRows(results: FeedResults): string[][] {
  const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 })
  const rows: string[][] = []
  const servers: FeedServerResult[] = [
    { label: 'fauxrest', modes: results.modes },
    ...results.baselines,
  ]
  const ours = results.modes.find((mode) => mode.mode === 'every-change')
  for (const server of servers) {
    const none = server.modes.find((mode) => mode.mode === 'none')
    const baseline = server.label !== 'fauxrest'
    const who = baseline ? `baseline (${server.label}): ` : ''
    for (const mode of server.modes) {
      if (mode.mode === 'none' || none === undefined) continue
      const dropped = STREAMS - mode.streamsOpen
      const flaws = [
        ...(dropped > 0 ? [`${fmt(dropped)} dropped as too slow`] : []),
        ...(mode.complete ? [] : ['not every event reached every stream']),
      ]
      rows.push([
        `${who}POST /posts, ${fmt(STREAMS)} streams (${mode.mode}) vs none` +
          flaws.map((flaw) => `, ${flaw}`).join(''),
        `${fmt(mode.rps)}/s`,
        `${fmt(none.rps)}/s`,
        `${mode.ratio.toFixed(2)}×`,
        baseline ? '' : `≥ ${FEED_TARGETS.throughput}×`,
        baseline ? '' : mode.ratio >= FEED_TARGETS.throughput && flaws.length === 0 ? '✓' : '✗',
      ])
      // What the server spends per POST, whatever else the machine runs: as a ratio, the
      // throughput with streams against without if the server's core were its own.
      rows.push([
        `${who}server CPU per POST, ${fmt(STREAMS)} streams (${mode.mode}), share in the kernel`,
        `${fmt(mode.serverUsPerPost)} µs, ${fmt(mode.serverSystemShare)}%`,
        `${fmt(none.serverUsPerPost)} µs, ${fmt(none.serverSystemShare)}%`,
        `${(none.serverUsPerPost / mode.serverUsPerPost).toFixed(2)}×`,
        '',
        '',
      ])
      const flood = mode.underFlood
      if (flood !== undefined) {
        rows.push([
          `${who}write answer → event during those POSTs, ${fmt(STREAMS)} other streams (p50, p99)`,
          `${flood.p50} ms, ${flood.p99} ms`,
          '',
          '',
          baseline ? '' : `p50 ≤ ${FEED_TARGETS.latencyMs} ms`,
          baseline ? '' : flood.p50 <= FEED_TARGETS.latencyMs ? '✓' : '✗',
        ])
      }
      // The same fan-out on a bare server: what the streams cost when nothing else does.
      if (baseline && ours !== undefined && mode.mode === 'every-change') {
        rows.push([
          `fauxrest against this baseline, both with ${fmt(STREAMS)} streams (${mode.mode})`,
          `${fmt(ours.rps)}/s`,
          `${fmt(mode.rps)}/s`,
          `${(ours.rps / mode.rps).toFixed(2)}×`,
          '',
          '',
        ])
      }
    }
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
