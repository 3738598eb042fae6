// One measured sample: wait for the servers to go idle, warm up, wait again, then load one
// server while watching the CPU of everything on the machine.
import type { Sample } from './load-types.ts'
import type { LoadClient } from './load-client.ts'
import {
  busyTicks,
  CLOCK_TICKS,
  cpuTicks,
  cpuTimes,
  peakRssMiB,
  round1,
  stealPercent,
} from './proc-stats.ts'
import type { Scenario } from './scenarios.ts'
import type { RunningServer } from './server-process.ts'

export type LoadSettings = {
  readonly duration: number
  readonly warmup: number
  readonly connections: number
  readonly listConnections: number
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const IDLE_PERCENT = 10
const WINDOW_MS = 250
const MAX_SETTLE_MS = 60_000

/**
 * Resolves once the servers together use under 10% of a core over 250 ms, so the backlog one
 * run leaves (queued writes, say) is never measured as part of the next.
 */
export async function settle(servers: readonly RunningServer[]): Promise<void> {
  const ticks = (): number => servers.reduce((sum, server) => sum + cpuTicks(server.pid), 0)
  const started = performance.now()
  let before = ticks()
  while (performance.now() - started < MAX_SETTLE_MS) {
    await sleep(WINDOW_MS)
    const after = ticks()
    if (((after - before) / CLOCK_TICKS / (WINDOW_MS / 1000)) * 100 < IDLE_PERCENT) return
    before = after
  }
}

export async function measure(
  load: LoadClient,
  target: RunningServer,
  servers: readonly RunningServer[],
  scenario: Scenario,
  settings: LoadSettings,
  round: number,
  /** Started as the measured load starts; what it returns is awaited once the load is done. */
  alongside?: () => () => Promise<void>,
): Promise<Sample> {
  if (target.exited()) throw new Error(`${target.name} exited during the run (${target.dir})`)
  const job = {
    url: `http://127.0.0.1:${target.port}${scenario.path}`,
    method: scenario.method,
    ...(scenario.body === undefined ? {} : { body: scenario.body }),
    ...(scenario.headers === undefined ? {} : { headers: scenario.headers }),
  }
  const connections = scenario.big ? settings.listConnections : settings.connections
  await settle(servers)
  if (settings.warmup > 0) {
    await load.run({ ...job, connections: Math.min(connections, 4), duration: settings.warmup })
    await settle(servers)
  }
  const serverTicks = (): number => servers.reduce((sum, server) => sum + cpuTicks(server.pid), 0)
  const machine0 = cpuTimes()
  const all0 = serverTicks()
  const target0 = cpuTicks(target.pid)
  const worker0 = cpuTicks(load.pid)
  const self0 = process.cpuUsage()
  const started = performance.now()
  const stop = alongside?.()
  const result = await load.run({ ...job, connections, duration: settings.duration })
  const seconds = (performance.now() - started) / 1000
  const machine1 = cpuTimes()
  const self = process.cpuUsage(self0)
  const ours =
    serverTicks() -
    all0 +
    cpuTicks(load.pid) -
    worker0 +
    ((self.user + self.system) / 1e6) * CLOCK_TICKS
  const percent = (ticks: number): number => round1((ticks / CLOCK_TICKS / seconds) * 100)
  const serverCpu = percent(cpuTicks(target.pid) - target0)
  const otherCpu = Math.max(0, percent(busyTicks(machine0, machine1) - ours))
  await stop?.()
  return {
    ...result,
    round,
    serverCpu,
    otherCpu,
    steal: stealPercent(machine0, machine1),
    peakRssMiB: round1(peakRssMiB(target.pid)),
  }
}
