/**
 * Holds what requests are served by and lets a task replace it atomically. While a task runs, new
 * requests wait at the gate; the task starts once the requests already running have finished, or
 * after `drainMs` so that one stuck client cannot stall the server.
 */
export class Switchboard<Site> {
  readonly #drainMs: number
  #site: Site
  #running = 0
  #gate: Promise<void> | undefined
  #drained: (() => void) | undefined

  constructor(site: Site, drainMs = 2000) {
    this.#site = site
    this.#drainMs = drainMs
  }

  get current(): Site {
    return this.#site
  }

  /** Requests being handled right now. */
  get running(): number {
    return this.#running
  }

  /** Runs one request against the current site, once no task holds the gate. */
  async serve<T>(handle: (site: Site) => T | Promise<T>): Promise<T> {
    while (this.#gate !== undefined) await this.#gate
    this.#running++
    try {
      return await handle(this.#site)
    } finally {
      this.#running--
      if (this.#running === 0) this.#drained?.()
    }
  }

  /** Runs `task` alone: no request starts until it ends; tasks run one after another. */
  async exclusive<T>(task: () => Promise<T>): Promise<T> {
    while (this.#gate !== undefined) await this.#gate
    let open: (() => void) | undefined
    this.#gate = new Promise<void>((resolve) => {
      open = resolve
    })
    try {
      await this.#drain()
      return await task()
    } finally {
      this.#gate = undefined
      open?.()
    }
  }

  /** What requests are served by from now on. */
  swap(site: Site): void {
    this.#site = site
  }

  #drain(): Promise<void> {
    if (this.#running === 0) return Promise.resolve()
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer)
        this.#drained = undefined
        resolve()
      }
      const timer = setTimeout(done, this.#drainMs)
      this.#drained = done
    })
  }
}
