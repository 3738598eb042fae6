// `npm run bench`: fauxrest against a bare node:http baseline on the same generated data, in the
// same run, interleaved. Options: `npm run bench -- --help`.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { HELP, parseBenchOptions } from './bench-options.ts'
import type { BenchOptions } from './bench-options.ts'
import { median } from './median.ts'
import type { Sample } from './load-types.ts'
import type {
  BenchResults,
  DurableResult,
  GenerationResult,
  ScaleResult,
  ScenarioResult,
} from './bench-results.ts'
import { buildSnapshot } from './build-snapshot.ts'
import { checkRead, checkWrite, rowsOf } from './check-answers.ts'
import { compileBaseline } from './compile-baseline.ts'
import { countWrites } from './count-writes.ts'
import { feedRows, runFeedBench, type FeedResults } from './feed-bench.ts'
import { AUTH_FLAGS, authRows, runAuthBench, type AuthResults } from './auth-bench.ts'
import { runSessionsBench, sessionsRows, type SessionsResults } from './sessions-bench.ts'
import type { WriteCount } from './count-writes.ts'
import { recordCount, timeGenerate, writeScaledSchema } from './generate-data.ts'
import { httpRequest } from './http-request.ts'
import { startLoadClient } from './load-client.ts'
import type { LoadClient } from './load-client.ts'
import { measure, settle } from './measure-load.ts'
import { peakRssMiB } from './proc-stats.ts'
import { renderMarkdown, renderText } from './render-table.ts'
import { label, SCENARIOS } from './scenarios.ts'
import type { Scenario } from './scenarios.ts'
import { startServer } from './server-process.ts'
import type { RunningServer, ServerLaunch, ServerName } from './server-process.ts'
import { CLIENT_BOUND_CPU, summaryTable } from './summary-table.ts'

const PROJECT = fileURLToPath(new URL('..', import.meta.url))
const DEFAULT_SCHEMA = join(PROJECT, 'data', 'jsonplaceholder.json')
const OUT_DIR = join(PROJECT, 'bench', 'out')
const SERVERS: readonly ServerName[] = ['fauxrest', 'baseline']
// Each generation runs this many times (median): the fixed cost is a large part of a small one.
const GENERATION_RUNS = 15

const live = new Set<RunningServer>()
let loadClient: LoadClient | undefined
let workDir: string | undefined
let snapshotDir: string | undefined

const MiB = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10
const say = (line: string): void => console.log(line)
const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits })

function pinningAvailable(options: BenchOptions): boolean {
  if (!options.pin || availableParallelism() < 2) return false
  return spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status === 0
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PROJECT })
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: PROJECT })
    return `${head.toString().trim()}${dirty.length > 0 ? ' (src modified)' : ''}`
  } catch {
    return 'unknown'
  }
}

async function start(
  launch: ServerLaunch,
  dbFile: string,
  core: number | undefined,
): Promise<RunningServer> {
  const server = await startServer(launch, dbFile, workDir ?? tmpdir(), core)
  live.add(server)
  return server
}

async function stop(server: RunningServer): Promise<void> {
  await server.stop()
  live.delete(server)
  await rm(server.dir, { recursive: true, force: true })
}

type Generated = {
  readonly schemaFile: string
  readonly dbFile: string
  readonly result: GenerationResult
}

async function generateAll(
  bin: string,
  scales: readonly number[],
  dir: string,
  core: number | undefined,
): Promise<{ readonly fixedMs: number; readonly generated: Generated[] }> {
  const tinySchema = join(dir, 'schema-tiny.json')
  const tinyRecords = await writeScaledSchema(DEFAULT_SCHEMA, tinySchema, 1, 1)
  const tiny = (): Promise<number> =>
    timeGenerate(PROJECT, bin, tinySchema, join(dir, 'db-tiny.json'), core)
  // The first start writes the command's code cache: not a fixed cost the others pay.
  await tiny()
  const fixed: number[] = []
  const generated: Generated[] = []
  for (const scale of scales) {
    const schemaFile = scale === 1 ? DEFAULT_SCHEMA : join(dir, `schema-s${scale}.json`)
    const records =
      scale === 1
        ? recordCount(JSON.parse(await readFile(DEFAULT_SCHEMA, 'utf8')))
        : await writeScaledSchema(DEFAULT_SCHEMA, schemaFile, scale)
    const dbFile = join(dir, `db-s${scale}.json`)
    // Each run is paired with a run of the fixed cost just before it, and the figure is the median
    // of the pairs' differences: the machine's speed drifts less within a pair than across runs.
    const walls: number[] = []
    const beyond: number[] = []
    for (let run = 0; run < GENERATION_RUNS; run++) {
      const fixedRun = await tiny()
      const wall = await timeGenerate(PROJECT, bin, schemaFile, dbFile, core)
      fixed.push(fixedRun)
      walls.push(wall)
      beyond.push(wall - fixedRun)
    }
    const wallMs = median(walls)
    const dbMiB = MiB((await stat(dbFile)).size)
    const recordsPerSecond = (records - tinyRecords) / Math.max(1e-3, median(beyond) / 1000)
    say(
      `# generate scale ${scale}: ${fmt(records)} records, ${dbMiB} MiB in ${fmt(wallMs)} ms ` +
        `(${fmt(median(beyond))} ms beyond the fixed cost, paired) -> ${fmt(recordsPerSecond)} records/s`,
    )
    generated.push({
      schemaFile,
      dbFile,
      result: { scale, records, wallMs, dbMiB, recordsPerSecond },
    })
  }
  const fixedMs = median(fixed)
  say(`# generate: fixed cost ${fmt(fixedMs)} ms (same command, ${tinyRecords} records)`)
  return { fixedMs, generated }
}

async function checkAll(
  servers: readonly RunningServer[],
  dbFile: string,
): Promise<Map<string, { checks: Record<ServerName, string>; sameBody: boolean | undefined }>> {
  const db: unknown = JSON.parse(await readFile(dbFile, 'utf8'))
  const posts = rowsOf(db, 'posts')
  const out = new Map<
    string,
    { checks: Record<ServerName, string>; sameBody: boolean | undefined }
  >()
  // Reads before writes, so the reads see the generated data; both servers get the same writes.
  const ordered = [
    ...SCENARIOS.filter((scenario) => scenario.method === 'GET'),
    ...SCENARIOS.filter((scenario) => scenario.method !== 'GET'),
  ]
  for (const scenario of ordered) {
    const checks: Record<ServerName, string> = { fauxrest: 'unchecked', baseline: 'unchecked' }
    const bodies: Buffer[] = []
    for (const server of servers) {
      const answer = await httpRequest(server.port, scenario.method, scenario.path, scenario.body)
      bodies.push(answer.body)
      checks[server.name] =
        scenario.method === 'GET'
          ? checkRead(scenario, answer, db)
          : await checkWrite(scenario, answer, posts, server.dbFile, server.name === 'fauxrest')
      if (checks[server.name] !== 'ok') {
        say(`# check ${server.name} ${label(scenario)}: ${checks[server.name]}`)
      }
    }
    const [first, second] = bodies
    const sameBody =
      scenario.method === 'GET' && first !== undefined && second !== undefined
        ? first.equals(second)
        : undefined
    out.set(scenario.name, { checks, sameBody })
  }
  return out
}

const pick = <T>(
  servers: readonly RunningServer[],
  name: ServerName,
  f: (s: RunningServer) => T,
): T => {
  const server = servers.find((candidate) => candidate.name === name)
  if (server === undefined) throw new Error(`${name} is not running`)
  return f(server)
}

type Run = {
  readonly scale: number
  readonly label: string
  readonly launches: readonly ServerLaunch[]
  /** The baseline answering writes after fsync; measured alone on the write scenarios. */
  readonly durable: ServerLaunch | undefined
  readonly scenarios: readonly Scenario[]
}

async function runScale(
  plan: Run,
  generated: Generated,
  options: BenchOptions,
  core: number | undefined,
  load: LoadClient,
): Promise<ScaleResult> {
  const { scale, launches } = plan
  const { schemaFile, dbFile } = generated
  say(
    `\n# ${plan.label}: ${relative(PROJECT, schemaFile) || schemaFile}, ${generated.result.dbMiB} MiB`,
  )
  const startupMs: Record<ServerName, number[]> = { fauxrest: [], baseline: [] }
  const inOrder = (round: number): readonly ServerLaunch[] =>
    round % 2 === 1 ? launches.toReversed() : launches
  // Fresh starts for the startup figure; the last one stays up for the load.
  for (let run = 0; run < options.startups - 1; run++) {
    for (const launch of inOrder(run)) {
      const server = await start(launch, dbFile, core)
      startupMs[launch.name].push(server.readyMs)
      await stop(server)
    }
  }
  const servers: RunningServer[] = []
  for (const launch of inOrder(options.startups - 1)) {
    const server = await start(launch, dbFile, core)
    startupMs[launch.name].push(server.readyMs)
    servers.push(server)
  }
  for (const name of SERVERS) {
    say(`# ${name}: first answer ${startupMs[name].map((ms) => fmt(ms)).join(', ')} ms after spawn`)
  }
  try {
    const checked = await checkAll(servers, dbFile)
    const scenarios: ScenarioResult[] = []
    for (const scenario of plan.scenarios) {
      const samples: Record<ServerName, Sample[]> = { fauxrest: [], baseline: [] }
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 1 ? servers.toReversed() : servers
        for (const server of order) {
          const sample = await measure(load, server, servers, scenario, options, round)
          samples[server.name].push(sample)
          say(
            `  s${scale} ${scenario.name.padEnd(9)} ${server.name.padEnd(8)} r${round + 1} ` +
              `${fmt(sample.rps, 1).padStart(9)} req/s  p50/p99 ${sample.p50}/${sample.p99} ms  ` +
              `non-2xx ${sample.non2xx} err ${sample.errors}  server ${fmt(sample.serverCpu)}% ` +
              `load ${fmt(sample.clientCpu)}% other ${fmt(sample.otherCpu)}% ` +
              `steal ${Object.values(sample.steal).join('/')}%  peak RSS ${fmt(sample.peakRssMiB)} MiB`,
          )
        }
      }
      const med = (name: ServerName, key: 'rps' | 'p50' | 'p99'): number =>
        median(samples[name].map((sample) => sample[key]))
      const both = (key: 'rps' | 'p50' | 'p99'): Record<ServerName, number> => ({
        fauxrest: med('fauxrest', key),
        baseline: med('baseline', key),
      })
      const rps = both('rps')
      const check = checked.get(scenario.name)
      scenarios.push({
        scenario: scenario.name,
        request: label(scenario),
        connections: scenario.big ? options.listConnections : options.connections,
        checks: check?.checks ?? { fauxrest: 'unchecked', baseline: 'unchecked' },
        sameBody: check?.sameBody,
        samples,
        rps,
        p50: both('p50'),
        p99: both('p99'),
        ratio: rps.fauxrest / rps.baseline,
      })
    }
    const peakRss = (name: ServerName): number => pick(servers, name, (s) => peakRssMiB(s.pid))
    const peak = { fauxrest: peakRss('fauxrest'), baseline: peakRss('baseline') }
    const writes: Partial<Record<ServerName, WriteCount>> = {}
    const durable: DurableResult[] = []
    const post = SCENARIOS.find((scenario) => scenario.name === 'post')
    if (plan.durable !== undefined) {
      const fauxrest = pick(servers, 'fauxrest', (s) => s)
      for (const server of servers) if (server !== fauxrest) await stop(server)
      servers.splice(0, servers.length, fauxrest)
      const baseline = await start(plan.durable, dbFile, core)
      servers.push(baseline)
      for (const scenario of plan.scenarios.filter((candidate) => candidate.method !== 'GET')) {
        const samples: Sample[] = []
        for (let round = 0; round < options.rounds; round++) {
          const sample = await measure(load, baseline, servers, scenario, options, round)
          samples.push(sample)
          say(
            `  s${scale} ${scenario.name.padEnd(9)} durable  r${round + 1} ` +
              `${fmt(sample.rps, 1).padStart(9)} req/s  p50/p99 ${sample.p50}/${sample.p99} ms  ` +
              `other ${fmt(sample.otherCpu)}%`,
          )
        }
        durable.push({
          scenario: scenario.name,
          request: label(scenario),
          samples,
          rps: median(samples.map((sample) => sample.rps)),
          p50: median(samples.map((sample) => sample.p50)),
          p99: median(samples.map((sample) => sample.p99)),
        })
      }
      for (const server of servers) {
        await settle(servers)
        const count = await countWrites(
          server.port,
          server.dbFile,
          post?.path ?? '/posts',
          post?.body ?? '{}',
        )
        writes[server.name] = count
        say(
          `# ${server.name}${server === baseline ? ' (durable, fsync)' : ''}: ${count.created}/${count.posts} ` +
            `concurrent POSTs answered in ${fmt(count.answeredMs)} ms, ${count.fileWrites} file writes, ` +
            `${count.allOnDisk ? 'all' : 'NOT all'} on disk at the last answer`,
        )
      }
    }
    const result: ScaleResult = {
      scale,
      label: plan.label,
      dbMiB: generated.result.dbMiB,
      startupMs,
      peakRssMiB: peak,
      writes:
        plan.durable === undefined
          ? undefined
          : {
              fauxrest: writes.fauxrest ?? missingWrites(),
              baseline: writes.baseline ?? missingWrites(),
            },
      scenarios,
      durable,
    }
    return result
  } finally {
    for (const server of servers) await stop(server)
  }
}

// How busy the rest of the machine was while the figures were taken: ratios are only as good as this.
function noiseLine(scale: ScaleResult): string {
  const samples = scale.scenarios.flatMap((result) => [
    ...result.samples.fauxrest,
    ...result.samples.baseline,
  ])
  const other = samples.map((sample) => sample.otherCpu)
  const steal = samples.flatMap((sample) => Object.values(sample.steal))
  return (
    `${scale.label}: other processes used ${fmt(median(other))}% of a core ` +
    `(max ${fmt(Math.max(0, ...other))}%) during the measured windows; ` +
    `hypervisor steal up to ${fmt(Math.max(0, ...steal), 1)}%`
  )
}

function missingWrites(): never {
  throw new Error('file writes were not counted')
}

async function cleanUp(): Promise<void> {
  loadClient?.close()
  await Promise.all([...live].map((server) => stop(server)))
  for (const dir of [workDir, snapshotDir]) {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    say(`\n# ${signal}: stopping the servers`)
    void cleanUp().finally(() => process.exit(130))
  })
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2))
  if (options === undefined) return say(HELP)
  const pinned = pinningAvailable(options)
  const serverCore = pinned ? 0 : undefined
  const loadCore = pinned ? 1 : undefined
  // The runner polls and checks; it stays off the servers' core too.
  if (pinned)
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  say(options.build ? '# building fauxrest' : '# measuring dist/ as it is')
  const snapshot = await buildSnapshot(PROJECT, options.build)
  snapshotDir = snapshot.dir
  const startedAt = new Date()
  workDir = await mkdtemp(join(tmpdir(), 'fauxrest-bench-'))
  const baselineJs = await compileBaseline(workDir)
  const { fixedMs, generated } = await generateAll(
    snapshot.bin,
    options.scales,
    workDir,
    serverCore,
  )
  say(
    `# ${options.connections} connections (full list ${options.listConnections}), ${options.warmup} s warm-up + ` +
      `${options.duration} s per scenario, ${options.rounds} round(s), ` +
      `${pinned ? 'servers on CPU 0, load on CPU 1' : 'not pinned'}`,
  )
  const load = startLoadClient(PROJECT, loadCore)
  loadClient = load
  const scales: ScaleResult[] = []
  const fauxrest = (files: (db: string) => string[]): ServerLaunch => ({
    name: 'fauxrest',
    argv: (port, db) => [
      process.execPath,
      snapshot.bin,
      ...files(db),
      '--port',
      String(port),
      '--quiet',
    ],
  })
  const baseline = (...modes: string[]): ServerLaunch => ({
    name: 'baseline',
    argv: (port, db) => [
      process.execPath,
      baselineJs,
      db,
      '--port',
      String(port),
      ...modes,
      '--quiet',
    ],
  })
  let feed: FeedResults | undefined
  let auth: AuthResults | undefined
  let sessions: SessionsResults | undefined
  const only = options.feedOnly || options.authOnly || options.sessionsOnly
  for (const item of generated) {
    const launch = fauxrest((db) => [item.schemaFile, '--db', db])
    const run: Run = {
      scale: item.result.scale,
      label: String(item.result.scale),
      launches: [launch, baseline()],
      durable: baseline('--durable', '--fsync'),
      scenarios: SCENARIOS,
    }
    if (!only) scales.push(await runScale(run, item, options, serverCore, load))
    if (options.feed && feed === undefined) {
      const server = await start(launch, item.dbFile, serverCore)
      // The same fan-out on the bare server: each event written to each stream as its POST is
      // answered, or the events of a turn of the event loop together.
      const baselines = [
        { label: 'a write per event', server: await start(baseline(), item.dbFile, serverCore) },
        {
          label: 'a write per tick',
          server: await start(baseline('--feed-batch'), item.dbFile, serverCore),
        },
      ]
      try {
        feed = await runFeedBench({
          projectDir: PROJECT,
          bin: snapshot.bin,
          workDir: workDir ?? tmpdir(),
          server,
          baselines,
          load,
          clientCore: loadCore,
          options,
          say,
        })
      } finally {
        await stop(server)
        for (const reference of baselines) await stop(reference.server)
      }
    }
    if (options.auth && auth === undefined) {
      const withAuth = fauxrest((db) => [item.schemaFile, '--db', db, ...AUTH_FLAGS])
      const server = await start(withAuth, item.dbFile, serverCore)
      try {
        auth = await runAuthBench({ server, load, options, say })
      } finally {
        await stop(server)
      }
    }
    if (options.sessions && sessions === undefined) {
      const server = await start(launch, item.dbFile, serverCore)
      try {
        const context = { server, load, options, projectDir: PROJECT, say }
        sessions = await runSessionsBench({ ...context, schemaFile: item.schemaFile })
      } finally {
        await stop(server)
      }
    }
  }
  // The largest db served as a plain json-server file: no schema, inferred from the data.
  const largest = generated.at(-1)
  if (largest !== undefined && largest.result.scale > 1 && !only) {
    const run: Run = {
      scale: largest.result.scale,
      label: `${largest.result.scale} plain`,
      launches: [fauxrest((db) => [db]), baseline()],
      durable: undefined,
      scenarios: SCENARIOS.filter((scenario) => scenario.method === 'GET'),
    }
    scales.push(await runScale(run, largest, options, serverCore, load))
  }
  const results: BenchResults = {
    startedAt: startedAt.toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: availableParallelism(),
    pinned,
    options,
    generationFixedMs: fixedMs,
    generation: generated.map((item) => item.result),
    scales,
    feed,
    auth,
    sessions,
  }
  const table = summaryTable(results)
  await mkdir(OUT_DIR, { recursive: true })
  const stamp = startedAt.toISOString().replaceAll(':', '-').replace(/\..*$/, '')
  const jsonFile = join(OUT_DIR, `results-${stamp}.json`)
  await writeFile(jsonFile, `${JSON.stringify(results, null, 2)}\n`)
  await writeFile(join(OUT_DIR, `results-${stamp}.md`), `${renderMarkdown(table)}\n`)
  say(
    `\nfauxrest ${results.commit} vs bare node:http baseline (answering writes before the disk), node ${results.node}, ` +
      `${options.connections} connections, ${options.duration} s × ${options.rounds} round(s), medians\n`,
  )
  say(renderText(table))
  if (feed !== undefined) {
    const feedTable = {
      head: ['change feed (scale 1)', 'measured', 'against', 'ratio', 'target', 'met'],
      rows: feedRows(feed),
      right: new Set([1, 2, 3]),
    }
    say(`\n${renderText(feedTable)}`)
    await writeFile(join(OUT_DIR, `feed-${stamp}.md`), `${renderMarkdown(feedTable)}\n`)
    const other = feed.modes.flatMap((mode) => mode.samples.map((sample) => sample.otherCpu))
    say(
      `change feed: other processes used ${fmt(median(other))}% of a core ` +
        `(max ${fmt(Math.max(0, ...other))}%) during the measured windows`,
    )
  }
  if (auth !== undefined) {
    const authTable = {
      head: ['auth (scale 1)', 'req/s', 'vs anonymous', 'server CPU/request'],
      rows: authRows(auth),
      right: new Set([1, 2, 3]),
    }
    say(`\n${renderText(authTable)}`)
    await writeFile(join(OUT_DIR, `auth-${stamp}.md`), `${renderMarkdown(authTable)}\n`)
  }
  if (sessions !== undefined) {
    const sessionsTable = {
      head: ['sessions (scale 1)', 'measured', 'ratio', 'target', 'met'],
      rows: sessionsRows(sessions),
      right: new Set([1, 2]),
    }
    say(`\n${renderText(sessionsTable)}`)
    await writeFile(join(OUT_DIR, `sessions-${stamp}.md`), `${renderMarkdown(sessionsTable)}\n`)
  }
  for (const scale of scales) say(noiseLine(scale))
  say(
    `(load-bound): the load worker used over ${CLIENT_BOUND_CPU}% of its core, so that server's ` +
      `figure is a floor, not its limit`,
  )
  say(`\nresults: ${relative(process.cwd(), jsonFile)} (and .md)`)
}

try {
  await main()
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await cleanUp()
}
