// What /proc says about a process and the machine (Linux only; zeros elsewhere).
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'

export const CLOCK_TICKS = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** CPU time (all threads) the process has used in user space and in the kernel, in clock ticks. */
export function cpuSplit(pid: number): { readonly user: number; readonly system: number } {
  const stat = read(`/proc/${pid}/stat`)
  if (stat === undefined) return { user: 0, system: 0 }
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return { user: Number(fields[11] ?? 0), system: Number(fields[12] ?? 0) }
}

/** CPU time (user + system, all threads) the process has used, in clock ticks. */
export function cpuTicks(pid: number): number {
  const { user, system } = cpuSplit(pid)
  return user + system
}

/** The process's peak resident set size (VmHWM) in MiB. */
export function peakRssMiB(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')
  return match === null ? 0 : Number(match[1]) / 1024
}

export type CpuTimes = { readonly busy: number; readonly total: number; readonly steal: number }

/** Clock ticks per CPU since boot: busy (not idle, not iowait, not steal), total and steal. */
export function cpuTimes(): Map<string, CpuTimes> {
  const times = new Map<string, CpuTimes>()
  for (const line of (read('/proc/stat') ?? '').split('\n')) {
    const match = /^(cpu\d+)\s+(.*)$/.exec(line)
    if (match === null) continue
    // user nice system idle iowait irq softirq steal
    const v = (match[2] ?? '').split(/\s+/).map(Number)
    const at = (i: number): number => v[i] ?? 0
    times.set(match[1] ?? '', {
      busy: at(0) + at(1) + at(2) + at(5) + at(6),
      total: at(0) + at(1) + at(2) + at(3) + at(4) + at(5) + at(6) + at(7),
      steal: at(7),
    })
  }
  return times
}

/** Per CPU, the % of its time the hypervisor stole between two readings. */
export function stealPercent(
  before: Map<string, CpuTimes>,
  after: Map<string, CpuTimes>,
): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [cpu, end] of after) {
    const start = before.get(cpu)
    const span = start === undefined ? 0 : end.total - start.total
    out[cpu] =
      start === undefined || span <= 0 ? 0 : round1(((end.steal - start.steal) / span) * 100)
  }
  return out
}

/** Busy ticks of every CPU together between two readings. */
export function busyTicks(before: Map<string, CpuTimes>, after: Map<string, CpuTimes>): number {
  let sum = 0
  for (const [cpu, end] of after) sum += end.busy - (before.get(cpu)?.busy ?? end.busy)
  return sum
}

export const round1 = (value: number): number => Math.round(value * 10) / 10
