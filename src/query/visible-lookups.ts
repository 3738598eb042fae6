import type { Row } from '../json.ts'
import type { Lookups } from './lookups.ts'

/** What a client may see of a resource: which rows, and each row as it may be shown. */
export type Visibility = {
  /** Whether this row of `resource` may be seen at all. */
  visible(resource: string, row: Row): boolean
  /** The row as shown (without secret fields); the same object when nothing is hidden. */
  present(resource: string, row: Row): Row
  /** Resources every row of which is shown as stored: no row is filtered or rewritten. */
  untouched(resource: string): boolean
}

/**
 * Lookups that never yield a row the client may not see, nor a hidden field. Lists, `q`, nested
 * routes, `_embed` and `_expand` all read through lookups, so none of them can reveal one.
 */
export function visibleLookups(base: Lookups, visibility: Visibility): Lookups {
  const shown = (resource: string, rows: readonly Row[]): readonly Row[] => {
    if (visibility.untouched(resource)) return rows
    const out: Row[] = []
    for (const row of rows) {
      if (visibility.visible(resource, row)) out.push(visibility.present(resource, row))
    }
    return out
  }
  return {
    rows: (resource) => shown(resource, base.rows(resource)),
    byId: (resource, id) => {
      const row = base.byId(resource, id)
      if (row === undefined || visibility.untouched(resource)) return row
      return visibility.visible(resource, row) ? visibility.present(resource, row) : undefined
    },
    byRef: (child, field, parentId) => shown(child, base.byRef(child, field, parentId)),
  }
}
