// What auth costs a read: the same GET /posts/1 on one server started with --auth, sent without a
// token, with a valid token (verified, though the route is open), and behind a /640/ guard that
// needs it. Ratios are against the anonymous request, measured in the same run.
import { sign } from 'hono/jwt'
import type { Sample } from './load-types.ts'
import { median } from './median.ts'
import { measureRounds, type BenchContext } from './measure-rounds.ts'
import type { Scenario } from './scenarios.ts'

export const AUTH_SECRET = 'fauxrest-bench-secret'

/** The command-line options that start the server under test with auth on. */
export const AUTH_FLAGS = ['--auth', '--jwt-secret', AUTH_SECRET, '--jwt-expires-in', '7d']

export type AuthModeResult = {
  readonly name: Scenario['name']
  readonly request: string
  readonly samples: Sample[]
  /** Median req/s. */
  readonly rps: number
  /** Against the anonymous request. */
  readonly ratio: number
  /** The server's CPU time per request, median, in µs. */
  readonly cpuMicros: number
}

export type AuthResults = { readonly modes: AuthModeResult[] }

/** A token for user 1, as POST /login would give it. */
export async function benchToken(): Promise<string> {
  const iat = Math.floor(Date.now() / 1000)
  return sign(
    { sub: '1', email: 'bench@example.com', iat, exp: iat + 86_400 },
    AUTH_SECRET,
    'HS256',
  )
}

export function authScenarios(token: string): Scenario[] {
  const bearer = { Authorization: `Bearer ${token}` }
  return [
    { name: 'anonymous', method: 'GET', path: '/posts/1' },
    { name: 'token-open', method: 'GET', path: '/posts/1', headers: bearer },
    { name: 'token-guarded', method: 'GET', path: '/640/posts/1', headers: bearer },
  ]
}

export async function runAuthBench(context: BenchContext): Promise<AuthResults> {
  const { server, say } = context
  const scenarios = authScenarios(await benchToken())
  say(`\n# auth: GET /posts/1 on a server with --auth, without and with a bearer token`)
  for (const scenario of scenarios) {
    const answer = await fetch(
      `http://127.0.0.1:${server.port}${scenario.path}`,
      scenario.headers === undefined ? {} : { headers: scenario.headers },
    )
    if (answer.status !== 200) {
      throw new Error(`auth bench: ${scenario.name} answered ${answer.status}, not 200`)
    }
  }
  const measured = await measureRounds(
    context,
    [scenarios.map((scenario) => [scenario.name, scenario] as const)],
    (name, round, sample) =>
      say(
        `  auth ${name.padEnd(13)} r${round + 1} ${sample.rps.toFixed(0).padStart(7)} req/s  ` +
          `p50/p99 ${sample.p50}/${sample.p99} ms  non-2xx ${sample.non2xx}  server ${sample.serverCpu}%  ` +
          `other ${sample.otherCpu}%`,
      ),
  )
  const anonymous = measured.rps('anonymous')
  const modes = scenarios.map((scenario) => {
    const own = measured.samples(scenario.name)
    return {
      name: scenario.name,
      request: `${scenario.method} ${scenario.path}${scenario.headers === undefined ? '' : ' + Bearer'}`,
      samples: own,
      rps: measured.rps(scenario.name),
      ratio: measured.rps(scenario.name) / anonymous,
      cpuMicros: median(
        own.map((sample) =>
          sample.completed > 0
            ? ((sample.serverCpu / 100) * sample.seconds * 1e6) / sample.completed
            : NaN,
        ),
      ),
    }
  })
  return { modes }
}

/** The auth lines of the summary: request, req/s, ratio to anonymous, server CPU per request. */
export function authRows(results: AuthResults): string[][] {
  return results.modes.map((mode) => [
    mode.request,
    `${mode.rps.toLocaleString('en-US', { maximumFractionDigits: 0 })}/s`,
    `${mode.ratio.toFixed(2)}×`,
    `${mode.cpuMicros.toFixed(0)} µs`,
  ])
}
