// What a session costs: the same reads on one server, outside any session and inside one that has
// written (header `Fauxrest-Session`), ratios in the same run; then, in a child process, the heap
// 1,000 sessions with 10 writes each keep alive, and the time to make a session on first use.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { Sample } from './load-types.ts'
import { measureRounds, type BenchContext, type Keyed } from './measure-rounds.ts'
import type { Scenario } from './scenarios.ts'

const run = promisify(execFile)
const SESSION = { 'Fauxrest-Session': 'bench' }

export type SessionReadResult = {
  readonly request: string
  /** Median req/s outside any session, and inside one. */
  readonly outside: number
  readonly inside: number
  readonly ratio: number
  readonly samples: { readonly outside: Sample[]; readonly inside: Sample[] }
}

export type SessionMemory = {
  readonly sessions: number
  readonly writes: number
  readonly addedMiB: number
  /** Mean time to make one session on first use, in ms. */
  readonly openMs: number
}

export type SessionsResults = {
  readonly reads: SessionReadResult[]
  readonly memory: SessionMemory
}

const READS: readonly Scenario[] = [
  { name: 'get-by-id', method: 'GET', path: '/posts/1' },
  { name: 'filter-fk', method: 'GET', path: '/comments?postId=7' },
]

// The session has written to the resources it reads (elsewhere than the rows read), so reads go
// through its overlays rather than straight to the start-up data.
const WRITES: readonly [string, string, object | undefined][] = [
  ['POST', '/posts', { userId: 1, title: 't', body: 'b' }],
  ['PATCH', '/posts/2', { title: 'changed' }],
  ['DELETE', '/posts/3', undefined],
  ['POST', '/comments', { postId: 7, name: 'n', email: 'a@b.co', body: 'c' }],
  ['PATCH', '/comments/40', { body: 'changed' }],
]

export type SessionsBenchContext = BenchContext & {
  readonly projectDir: string
  readonly schemaFile: string
}

export async function runSessionsBench(context: SessionsBenchContext): Promise<SessionsResults> {
  const { server, say } = context
  const base = `http://127.0.0.1:${server.port}`
  for (const [method, path, body] of WRITES) {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: { ...SESSION, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    if (answer.status >= 300) throw new Error(`sessions bench: ${method} ${path}: ${answer.status}`)
  }
  say(`\n# sessions: reads outside any session and inside one (Fauxrest-Session header)`)
  const measured = await measureRounds(
    context,
    READS.map((read): Keyed[] => [
      [`outside ${read.path}`, read],
      [`inside ${read.path}`, { ...read, headers: SESSION }],
    ]),
    (key, round, sample) => {
      const [where = '', path = ''] = key.split(' ')
      say(
        `  ${where.padEnd(7)} ${path.padEnd(20)} r${round + 1} ${sample.rps.toFixed(0).padStart(7)} req/s  ` +
          `p50/p99 ${sample.p50}/${sample.p99} ms  non-2xx ${sample.non2xx}`,
      )
    },
  )
  const reads = READS.map((read) => {
    const outside = measured.rps(`outside ${read.path}`)
    const inside = measured.rps(`inside ${read.path}`)
    return {
      request: `GET ${read.path}`,
      outside,
      inside,
      ratio: inside / outside,
      samples: {
        outside: measured.samples(`outside ${read.path}`),
        inside: measured.samples(`inside ${read.path}`),
      },
    }
  })
  say('  memory: 1,000 sessions × 10 writes, in a child process')
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/session-memory.ts', context.schemaFile, '1000'],
    { cwd: context.projectDir, maxBuffer: 1024 * 1024 },
  )
  const memory = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SessionMemory
  return { reads, memory }
}

/** The sessions lines of the summary: figure, measured, target, met. */
export function sessionsRows(results: SessionsResults): string[][] {
  const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 })
  const { memory } = results
  return [
    ...results.reads.map((read) => [
      `${read.request} in a session`,
      `${fmt(read.inside)}/s vs ${fmt(read.outside)}/s outside`,
      `${read.ratio.toFixed(2)}×`,
      '≥ 0.8×',
      read.ratio >= 0.8 ? '✓' : '✗',
    ]),
    [
      `${fmt(memory.sessions)} sessions × 10 writes, heap added`,
      `${memory.addedMiB} MiB`,
      '',
      '≤ 50 MB',
      memory.addedMiB * 1.048576 <= 50 ? '✓' : '✗',
    ],
    [
      'making a session on first use',
      `${memory.openMs.toFixed(3)} ms`,
      '',
      '< 1 ms',
      memory.openMs < 1 ? '✓' : '✗',
    ],
  ]
}
