/** One load run, sent to the load worker as a line of JSON. */
export type LoadJob = {
  readonly id: number
  readonly url: string
  readonly method: string
  readonly connections: number
  /** Seconds. */
  readonly duration: number
  readonly body?: string
  /** Request headers (an Authorization header, say). */
  readonly headers?: Readonly<Record<string, string>>
  /** Seconds before a request counts as timed out. */
  readonly timeout?: number
}

/** What one load run measured, from the client's side. */
export type LoadResult = {
  readonly rps: number
  readonly completed: number
  readonly seconds: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly meanMs: number
  readonly maxMs: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: Record<string, number>
  readonly bytesPerResponse: number
  /** The load worker's CPU use during the run, in % of one core. */
  readonly clientCpu: number
  readonly autocannon: string
}

export type LoadReply =
  | { readonly id: number; readonly ok: true; readonly result: LoadResult }
  | { readonly id: number; readonly ok: false; readonly error: string }

/** One measured load run on one server, with what the machine did meanwhile. */
export type Sample = LoadResult & {
  readonly round: number
  /** The server's CPU use, % of one core. */
  readonly serverCpu: number
  /** CPU used by processes other than the servers, the load worker and the runner, % of a core. */
  readonly otherCpu: number
  /** % of each CPU's time taken by the hypervisor. */
  readonly steal: Record<string, number>
  /** The server's peak RSS so far, read right after this sample: shows which load raised it. */
  readonly peakRssMiB: number
}
