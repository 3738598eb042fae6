import { idOf } from '../json.ts'
import type { EventChange } from './event-change.ts'
import type { RemovalPlan } from '../store/remove-plan.ts'
import { mergeRow } from '../store/rows.ts'

/**
 * A removal as changes: the item first, then what its cascades delete, then the items whose
 * references become null (with the values the store keeps for them).
 */
export function removalEvents(
  plan: RemovalPlan,
  idKeyOf: (resource: string) => string,
): EventChange[] {
  const changes: EventChange[] = []
  for (const [resource, rows] of plan.removed) {
    const idKey = idKeyOf(resource)
    for (const row of rows) {
      changes.push({
        type: 'deleted',
        resource,
        id: idOf(row, idKey) ?? null,
        item: null,
        previous: row,
      })
    }
  }
  for (const [resource, fields] of plan.nullified) {
    const idKey = idKeyOf(resource)
    for (const [row, keys] of fields) {
      const item = mergeRow(row, Object.fromEntries(keys.map((key) => [key, null])), idKey)
      changes.push({ type: 'updated', resource, id: idOf(row, idKey) ?? null, item, previous: row })
    }
  }
  return changes
}
