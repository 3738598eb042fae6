import { idOf, isJsonObject, type JsonObject } from '../json.ts'
import type { Change, CommitCause } from '../store/change.ts'
import type { EventChange } from './event-change.ts'

/**
 * One committed mutation's changes as the feed tells them. A reset or a reload is one `reset`
 * event however much it changed; a singular resource set is an update with no id.
 */
export function eventChanges(
  changes: readonly Change[],
  cause: CommitCause | undefined,
  idKeyOf: (resource: string) => string,
): EventChange[] {
  if (cause !== undefined) return [{ type: 'reset', reason: cause }]
  const events: EventChange[] = []
  for (const change of changes) {
    const { resource } = change
    if (change.op === 'insert') {
      const id = idOf(change.row, idKeyOf(resource)) ?? null
      events.push({ type: 'created', resource, id, item: change.row })
    } else if (change.op === 'update') {
      const id = idOf(change.row, idKeyOf(resource)) ?? null
      events.push({ type: 'updated', resource, id, item: change.row, ...previous(change.previous) })
    } else if (change.op === 'delete') {
      const id = change.id
      events.push({ type: 'deleted', resource, id, item: null, ...previous(change.previous) })
    } else if (change.op === 'set' && isJsonObject(change.value)) {
      const item = change.value
      events.push({ type: 'updated', resource, id: null, item, ...previous(change.previous) })
    } else {
      // A whole collection replaced (rows without ids removed): subscribers refetch.
      events.push({ type: 'reset', reason: 'reset' })
    }
  }
  return events
}

function previous(value: unknown): { previous?: JsonObject } {
  return isJsonObject(value) ? { previous: value } : {}
}
