// Bound at import: test suites that fake the global timers must not stall the writes.
import { setImmediate } from 'node:timers'

type Batch = {
  readonly promise: Promise<void>
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

const ignore = (): void => undefined

function createBatch(): Batch {
  let resolve: () => void = ignore
  let reject: (error: unknown) => void = ignore
  const promise = new Promise<void>((onResolve, onReject) => {
    resolve = onResolve
    reject = onReject
  })
  // Every batch has a waiting caller; this only keeps a failure from counting as unhandled.
  promise.catch(ignore)
  return { promise, resolve, reject }
}

/**
 * Group commit: at most one write runs at a time; every request made while it runs is served by
 * exactly one next write. A write starts on the next turn of the event loop, so requests made
 * together (one I/O phase, one synchronous burst) share it.
 */
export class GroupCommit {
  readonly #write: () => Promise<void>
  #running: Batch | undefined
  #next: Batch | undefined
  #scheduled = false

  constructor(write: () => Promise<void>) {
    this.#write = write
  }

  /** Resolves after a write that started after this call has completed. */
  request(): Promise<void> {
    this.#next ??= createBatch()
    this.#schedule()
    return this.#next.promise
  }

  /** Resolves once no write is running or waiting, whatever their outcome. */
  async idle(): Promise<void> {
    for (let batch = this.#next ?? this.#running; batch; batch = this.#next ?? this.#running) {
      await batch.promise.catch(ignore)
    }
  }

  #schedule(): void {
    if (this.#running !== undefined || this.#scheduled) return
    this.#scheduled = true
    setImmediate(() => this.#start())
  }

  #start(): void {
    this.#scheduled = false
    const batch = this.#next
    if (batch === undefined) return
    this.#next = undefined
    this.#running = batch
    this.#write().then(
      () => {
        this.#running = undefined
        batch.resolve()
        if (this.#next !== undefined) this.#schedule()
      },
      (error: unknown) => {
        // Only this batch failed: the waiting one writes whatever is left to write (the store
        // has taken back the changes that were not durable by then).
        this.#running = undefined
        batch.reject(error)
        if (this.#next !== undefined) this.#schedule()
      },
    )
  }
}
