// Scenarios against one server, round after round: each group in its order on even rounds and
// reversed on odd ones, so that none always runs first after another.
import type { BenchOptions } from './bench-options.ts'
import type { LoadClient } from './load-client.ts'
import type { Sample } from './load-types.ts'
import { measure } from './measure-load.ts'
import { median } from './median.ts'
import type { Scenario } from './scenarios.ts'
import type { RunningServer } from './server-process.ts'

/** What a figure measured on one running server gets from the runner. */
export type BenchContext = {
  readonly server: RunningServer
  readonly load: LoadClient
  readonly options: BenchOptions
  readonly say: (line: string) => void
}

/** A scenario, and the key its samples are kept under. */
export type Keyed = readonly [key: string, scenario: Scenario]

export type RoundSamples = {
  samples(key: string): Sample[]
  /** The median req/s of the key's samples. */
  rps(key: string): number
}

export async function measureRounds(
  { server, load, options }: BenchContext,
  groups: readonly (readonly Keyed[])[],
  report: (key: string, round: number, sample: Sample) => void,
): Promise<RoundSamples> {
  const kept = new Map<string, Sample[]>()
  for (let round = 0; round < options.rounds; round++) {
    for (const group of groups) {
      for (const [key, scenario] of round % 2 === 1 ? group.toReversed() : group) {
        const sample = await measure(load, server, [server], scenario, options, round)
        kept.set(key, [...(kept.get(key) ?? []), sample])
        report(key, round, sample)
      }
    }
  }
  const samples = (key: string): Sample[] => kept.get(key) ?? []
  return { samples, rps: (key) => median(samples(key).map((sample) => sample.rps)) }
}
