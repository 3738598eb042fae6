import { parseArgs } from 'node:util'

export type BenchOptions = {
  readonly scales: readonly number[]
  /** Measured seconds per scenario, per server, per round. */
  readonly duration: number
  /** Discarded seconds before each measurement, with at most 4 connections. */
  readonly warmup: number
  readonly rounds: number
  readonly connections: number
  /** Connections for the full list (GET /photos). */
  readonly listConnections: number
  /** Fresh starts per server and scale for the startup figure (median). */
  readonly startups: number
  readonly pin: boolean
  readonly build: boolean
  readonly quick: boolean
  /** Measure the change feed (/_events) after the scales. */
  readonly feed: boolean
  /** Only the change feed (on scale 1's data). */
  readonly feedOnly: boolean
  /** Seconds of the feed's memory soak; 0 for none. */
  readonly soak: number
  /** Measure what auth costs a read (a token verified on every request). */
  readonly auth: boolean
  /** Only the auth figures (on scale 1's data). */
  readonly authOnly: boolean
  /** Measure sessions: reads inside one against outside, memory, making one. */
  readonly sessions: boolean
  /** Only the sessions figures (on scale 1's data). */
  readonly sessionsOnly: boolean
}

export const HELP = `npm run bench -- [options]

Builds fauxrest (into bench/out, leaving dist/ alone), generates JSONPlaceholder data with it, and measures it against a bare node:http
baseline (bench/baseline-server.ts) on the same data, interleaved, in the same run.

  --scales 1,20           data sizes: JSONPlaceholder's counts times these          (1,20)
  --duration S            measured seconds per scenario, server and round           (5)
  --warmup S              discarded warm-up before each measurement                 (1)
  --rounds N              rounds; every other round runs the servers in reverse     (2)
  --connections N         keep-alive connections                                   (50)
  --list-connections N    connections for the full list GET /photos                 (10)
  --startups N            fresh starts per server for the startup figure            (3)
  --quick                 smoke run: scale 1, 1 round, 2 s, 1 start, a 10 s soak
  --feed-only             only the change feed: POST with 1,000 /_events streams, latency, soak
  --no-feed               skip the change feed
  --auth-only             only auth: GET /posts/1 without a token, with one, behind a /640/ guard
  --no-auth               skip the auth figures
  --sessions-only         only sessions: GET by id and an FK filter inside a session against
                          outside, the heap of 1,000 sessions × 10 writes, making a session
  --no-sessions           skip the sessions figures
  --soak S                seconds of the feed's soak with subscribers coming and going (60)
  --no-pin                do not pin servers and load to different cores
  --no-build              measure a copy of dist/ as it is
`

function positiveNumber(name: string, text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`)
  return value
}

/** Undefined when help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scales: { type: 'string', default: '1,20' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      rounds: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      'list-connections': { type: 'string', default: '10' },
      startups: { type: 'string', default: '3' },
      quick: { type: 'boolean', default: false },
      'feed-only': { type: 'boolean', default: false },
      'no-feed': { type: 'boolean', default: false },
      'auth-only': { type: 'boolean', default: false },
      'no-auth': { type: 'boolean', default: false },
      'sessions-only': { type: 'boolean', default: false },
      'no-sessions': { type: 'boolean', default: false },
      soak: { type: 'string', default: '60' },
      'no-pin': { type: 'boolean', default: false },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) return undefined
  const quick = values.quick
  const integer = (name: string, text: string): number =>
    Math.max(1, Math.round(positiveNumber(name, text)))
  return {
    scales:
      quick || values['feed-only'] || values['auth-only'] || values['sessions-only']
        ? [1]
        : values.scales.split(',').map((scale) => integer('scales', scale.trim())),
    duration: quick ? 2 : positiveNumber('duration', values.duration),
    warmup: Number(values.warmup),
    rounds: quick ? 1 : integer('rounds', values.rounds),
    connections: integer('connections', values.connections),
    listConnections: integer('list-connections', values['list-connections']),
    startups: quick ? 1 : integer('startups', values.startups),
    pin: !values['no-pin'],
    build: !values['no-build'],
    quick,
    feed: !values['no-feed'] && !values['auth-only'] && !values['sessions-only'],
    feedOnly: values['feed-only'],
    auth: !values['no-auth'] && !values['feed-only'] && !values['sessions-only'],
    authOnly: values['auth-only'],
    sessions: !values['no-sessions'] && !values['feed-only'] && !values['auth-only'],
    sessionsOnly: values['sessions-only'],
    soak: quick ? 10 : Number(values.soak),
  }
}
