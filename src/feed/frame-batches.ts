import type { FeedEvent } from './feed-event.ts'

type Batch = { readonly events: readonly FeedEvent[]; readonly bytes: Uint8Array }

/**
 * The bytes of the events one subscriber takes at a flush, joined once for every subscriber that
 * takes the same events: a flush hands most subscribers the same run (all that was published since
 * the last), so 1,000 streams cost one join, not 1,000. `clear` at each flush keeps one flush's runs.
 */
export class FrameBatches {
  readonly #batches = new Map<FeedEvent, Batch>()

  bytes(events: readonly FeedEvent[]): Uint8Array {
    const [first] = events
    if (first === undefined) return new Uint8Array(0)
    if (events.length === 1) return first.bytes
    const known = this.#batches.get(first)
    if (known !== undefined && sameEvents(known.events, events)) return known.bytes
    const bytes = join(events)
    this.#batches.set(first, { events, bytes })
    return bytes
  }

  clear(): void {
    this.#batches.clear()
  }
}

function sameEvents(a: readonly FeedEvent[], b: readonly FeedEvent[]): boolean {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false
  return true
}

function join(events: readonly FeedEvent[]): Uint8Array {
  let size = 0
  for (const event of events) size += event.bytes.length
  const bytes = new Uint8Array(size)
  let at = 0
  for (const event of events) {
    bytes.set(event.bytes, at)
    at += event.bytes.length
  }
  return bytes
}
