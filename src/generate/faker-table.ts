import type { Constraints, FakerCall, FakerCatalog } from '../schema/types.ts'

type Sampled = ReturnType<FakerCatalog['sampleType']>
type StringsProblem = ReturnType<FakerCatalog['stringsProblem']>

/**
 * What schema checks ask of faker, answered ahead of time: faker's public `module.method` paths,
 * and the sampled answers to the calls asked (a call is its path and its args' JSON; `null`
 * stands for `undefined`, which JSON lacks).
 */
export type FakerTable = {
  readonly fakerVersion: string
  readonly paths: readonly string[]
  readonly types: Readonly<Record<string, Exclude<Sampled, undefined> | null>>
  readonly strings: Readonly<Record<string, Exclude<StringsProblem, undefined> | null>>
}

/** The key of a call in the table. */
export function callKey(call: FakerCall): string {
  return `${call.path}${JSON.stringify(call.args)}`
}

/** The key of string constraints in the table. */
export function stringsKey(constraints: Constraints): string {
  return JSON.stringify(constraints)
}
