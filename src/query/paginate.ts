import type { JsonObject, Row } from '../json.ts'
import type { ListResult, PageLinks, Window } from './types.ts'

/** Cuts the matching rows to the window and shapes only the rows that are kept. */
export function paginate(
  rows: readonly Row[],
  window: Window,
  shape: (row: Row) => JsonObject,
): ListResult {
  switch (window.kind) {
    case 'all':
      return { body: rows.map(shape), total: undefined, links: undefined }
    case 'slice':
      return {
        body: rows.slice(window.start, window.end).map(shape),
        total: rows.length,
        links: undefined,
      }
    case 'page': {
      const start = (window.page - 1) * window.limit
      const items = rows.slice(start, start + window.limit)
      return {
        body: items.map(shape),
        total: rows.length,
        links: pageLinks(rows.length, items.length, window),
      }
    }
    case 'envelope': {
      // json-server 1.0: at least one page, and a page past the end shows the last one.
      const pages = Math.max(1, Math.ceil(rows.length / window.perPage))
      const page = Math.min(window.page, pages)
      const start = (page - 1) * window.perPage
      const body = {
        first: 1,
        prev: page > 1 ? page - 1 : null,
        next: page < pages ? page + 1 : null,
        last: pages,
        pages,
        items: rows.length,
        data: rows.slice(start, start + window.perPage).map(shape),
      }
      return { body, total: rows.length, links: undefined }
    }
  }
}

/** As json-server 0.17: no links for an empty page, nor when one page holds every row. */
function pageLinks(
  total: number,
  shown: number,
  window: { page: number; limit: number },
): PageLinks | undefined {
  if (shown === 0 || shown === total) return undefined
  const { page, limit } = window
  const links: PageLinks = { first: 1, last: Math.ceil(total / limit) }
  if (page > 1) links.prev = page - 1
  if (page * limit < total) links.next = page + 1
  return links
}
