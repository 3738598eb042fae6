import type { AuthResults } from './auth-bench.ts'
import type { SessionsResults } from './sessions-bench.ts'
import type { BenchOptions } from './bench-options.ts'
import type { WriteCount } from './count-writes.ts'
import type { FeedResults } from './feed-bench.ts'
import type { Sample } from './load-types.ts'
import type { ScenarioName } from './scenarios.ts'
import type { ServerName } from './server-process.ts'

export type ScenarioResult = {
  readonly scenario: ScenarioName
  readonly request: string
  readonly connections: number
  /** 'ok' or what was wrong with the answer, per server, checked before the load. */
  readonly checks: Record<ServerName, string>
  /** Both servers sent byte-identical bodies (reads only). */
  readonly sameBody: boolean | undefined
  readonly samples: Record<ServerName, Sample[]>
  /** Medians over the rounds. */
  readonly rps: Record<ServerName, number>
  readonly p50: Record<ServerName, number>
  readonly p99: Record<ServerName, number>
  /** fauxrest / baseline. */
  readonly ratio: number
}

export type GenerationResult = {
  readonly scale: number
  readonly records: number
  readonly wallMs: number
  readonly dbMiB: number
  /** Records beyond the fixed run's, per second of the median paired difference (wall - a fixed run). */
  readonly recordsPerSecond: number
}

/** A write scenario on the baseline in its durable mode (answers after fsync), alone. */
export type DurableResult = {
  readonly scenario: ScenarioName
  readonly request: string
  readonly samples: Sample[]
  readonly rps: number
  readonly p50: number
  readonly p99: number
}

export type ScaleResult = {
  readonly scale: number
  /** How the table names this run: the scale, or the scale and 'plain db'. */
  readonly label: string
  readonly dbMiB: number
  readonly startupMs: Record<ServerName, number[]>
  readonly peakRssMiB: Record<ServerName, number>
  /** Counted against the durable baseline; absent for the plain db (reads only). */
  readonly writes: Record<ServerName, WriteCount> | undefined
  readonly scenarios: ScenarioResult[]
  readonly durable: DurableResult[]
}

export type BenchResults = {
  readonly startedAt: string
  readonly commit: string
  readonly node: string
  readonly cpus: number
  readonly pinned: boolean
  readonly options: BenchOptions
  /** Wall time of `fauxrest generate` on a schema of one record per resource: node start, module loading, schema checks, writing the file; subtracted from each generation's wall time. */
  readonly generationFixedMs: number
  readonly generation: GenerationResult[]
  readonly scales: ScaleResult[]
  /** The change feed's figures, on scale 1's data. */
  readonly feed: FeedResults | undefined
  /** What auth costs a read, on scale 1's data. */
  readonly auth: AuthResults | undefined
  readonly sessions: SessionsResults | undefined
}

export const TARGETS = {
  /** Every scenario's req/s, as a fraction of the baseline's, at least. */
  throughput: 0.8,
  /** Startup time and peak RSS, as a multiple of the baseline's, at most. */
  startup: 1.5,
  rss: 2,
  recordsPerSecond: 50_000,
} as const
