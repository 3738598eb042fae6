// The one table a run prints: every figure of fauxrest next to the baseline's from the same run.
import { TARGETS } from './bench-results.ts'
import { median } from './median.ts'
import type { BenchResults, ScaleResult } from './bench-results.ts'
import type { Table } from './render-table.ts'
import type { ServerName } from './server-process.ts'

const number = (value: number, digits = 0): string =>
  Number.isFinite(value)
    ? value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
    : '-'
const times = (ratio: number): string => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '-')
const mark = (pass: boolean): string => (pass ? '✓' : '✗')
const latency = (p50: number, p99: number): string => `${number(p50)}/${number(p99)}`

/** Above this median CPU use the load worker, not the server, limited the figure. */
export const CLIENT_BOUND_CPU = 90
const CLIENT_BOUND = ' (load-bound)'

type Row = {
  readonly figure: string
  readonly fauxrest: string
  readonly baseline: string
  readonly ratio: number
  readonly target: string
  readonly pass: boolean | undefined
  readonly latency?: Record<ServerName, string>
}

function scaleRows(scale: ScaleResult, connections: number): Row[] {
  const rows: Row[] = scale.scenarios.map((result) => {
    const wrong = Object.entries(result.checks).filter(([, check]) => check !== 'ok')
    const throughput = (server: ServerName): string =>
      `${number(result.rps[server], result.rps[server] < 100 ? 1 : 0)}/s`
    const bound = (server: ServerName): string =>
      median(result.samples[server].map((sample) => sample.clientCpu)) > CLIENT_BOUND_CPU
        ? CLIENT_BOUND
        : ''
    return {
      figure: `${result.request}${result.connections === connections ? '' : ` (${result.connections} conn)`}`,
      fauxrest: `${throughput('fauxrest')}${bound('fauxrest')}`,
      baseline: `${throughput('baseline')}${bound('baseline')}`,
      ratio: result.ratio,
      target: `≥ ${TARGETS.throughput}×`,
      pass: wrong.length === 0 && result.ratio >= TARGETS.throughput,
      latency: {
        fauxrest: latency(result.p50.fauxrest, result.p99.fauxrest),
        baseline: latency(result.p50.baseline, result.p99.baseline),
      },
    }
  })
  const startup = (server: ServerName): number => {
    const values = scale.startupMs[server].toSorted((a, b) => a - b)
    return values[Math.floor((values.length - 1) / 2)] ?? Number.NaN
  }
  const startRatio = startup('fauxrest') / startup('baseline')
  const rssRatio = scale.peakRssMiB.fauxrest / scale.peakRssMiB.baseline
  const writes = scale.writes
  rows.push(
    {
      figure: 'startup to first answer',
      fauxrest: `${number(startup('fauxrest'))} ms`,
      baseline: `${number(startup('baseline'))} ms`,
      ratio: startRatio,
      target: `≤ ${TARGETS.startup}×`,
      pass: startRatio <= TARGETS.startup,
    },
    {
      figure: 'peak RSS',
      fauxrest: `${number(scale.peakRssMiB.fauxrest)} MiB`,
      baseline: `${number(scale.peakRssMiB.baseline)} MiB`,
      ratio: rssRatio,
      target: `≤ ${TARGETS.rss}×`,
      pass: rssRatio <= TARGETS.rss,
    },
  )
  for (const durable of scale.durable) {
    const own = scale.scenarios.find((result) => result.scenario === durable.scenario)
    if (own === undefined) continue
    rows.push({
      figure: `${durable.request} vs baseline durable (fsync)`,
      fauxrest: `${number(own.rps.fauxrest)}/s`,
      baseline: `${number(durable.rps)}/s`,
      ratio: own.rps.fauxrest / durable.rps,
      target: 'reported',
      pass: undefined,
      latency: {
        fauxrest: latency(own.p50.fauxrest, own.p99.fauxrest),
        baseline: latency(durable.p50, durable.p99),
      },
    })
  }
  if (writes !== undefined) {
    rows.push({
      figure: `durable writes per ${writes.fauxrest.posts} concurrent POSTs (baseline: fsync)`,
      fauxrest: `${writes.fauxrest.fileWrites} (${number(writes.fauxrest.answeredMs)} ms)`,
      baseline: `${writes.baseline.fileWrites} (${number(writes.baseline.answeredMs)} ms)`,
      ratio: writes.fauxrest.fileWrites / writes.baseline.fileWrites,
      target: 'answers after disk',
      pass: writes.fauxrest.allOnDisk && writes.fauxrest.created === writes.fauxrest.posts,
    })
  }
  return rows
}

export function summaryTable(results: BenchResults): Table {
  const rows: (readonly string[])[] = []
  for (const scale of results.scales) {
    for (const row of scaleRows(scale, results.options.connections)) {
      rows.push([
        scale.label,
        row.figure,
        row.fauxrest,
        row.baseline,
        times(row.ratio),
        row.target,
        row.pass === undefined ? '' : mark(row.pass),
        row.latency?.fauxrest ?? '',
        row.latency?.baseline ?? '',
      ])
    }
  }
  for (const generation of results.generation) {
    rows.push([
      String(generation.scale),
      `generation, ${number(generation.records)} records`,
      `${number(generation.recordsPerSecond)} rec/s`,
      '',
      '',
      `≥ ${number(TARGETS.recordsPerSecond)}/s`,
      mark(generation.recordsPerSecond >= TARGETS.recordsPerSecond),
      '',
      '',
    ])
  }
  return {
    head: [
      'scale',
      'figure',
      'fauxrest',
      'baseline',
      'ratio',
      'target',
      'met',
      'p50/p99 ms',
      'baseline p50/p99',
    ],
    rows,
    right: new Set([0, 2, 3, 4, 7, 8]),
  }
}
