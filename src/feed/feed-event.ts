import type { EventChange } from './event-change.ts'

/** A change as the feed sends it: numbered, and framed once as a Server-Sent Events message. */
export type FeedEvent = {
  /** Position in the feed; 0 is "before any event". */
  readonly seq: number
  /** The SSE `id:`, which names this feed's run as well, so an id from another run is not taken for one of ours. */
  readonly id: string
  readonly change: EventChange
  /** From a fake write (`--fake-writes`): answered as if applied, but nothing changed. */
  readonly fake: boolean
  /** The whole SSE message, `id:` to the blank line. */
  readonly text: string
  /** `text` as UTF-8, encoded once for every subscriber that hears the event. */
  readonly bytes: Uint8Array
}

const encoder = new TextEncoder()

export function eventId(epoch: string, seq: number): string {
  return `${epoch}-${seq}`
}

/** The event's `data:`: `{ resource, id, item, previous?, fake? }`, or `{ reason }` for a reset. */
export function eventData(change: EventChange, fake: boolean): string {
  if (change.type === 'reset') return JSON.stringify({ reason: change.reason })
  const { resource, id, item, previous } = change
  const data = previous === undefined ? { resource, id, item } : { resource, id, item, previous }
  return JSON.stringify(fake ? { ...data, fake: true } : data)
}

export function feedEvent(
  epoch: string,
  seq: number,
  change: EventChange,
  fake: boolean,
): FeedEvent {
  const id = eventId(epoch, seq)
  // JSON.stringify escapes line breaks, so the data is always one line.
  const text = `id: ${id}\nevent: ${change.type}\ndata: ${eventData(change, fake)}\n\n`
  return { seq, id, change, fake, text, bytes: encoder.encode(text) }
}
