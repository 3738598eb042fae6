import { isJsonObject, type JsonValue, type Row } from '../../json.ts'
import type { OperationBinding } from '../../openapi-import/binding.ts'
import type { OperationCall } from './operation-call.ts'
import { itemsSchema, present, wrap } from './present.ts'
import { sendOperation } from './send-operation.ts'

const PAGE_PARAMS = ['page']
const LIMIT_PARAMS = ['limit', 'per_page', 'perPage', 'pageSize', 'page_size', 'size']

/** A list (the parents' items) or a search (those the query's filters keep), a page of it. */
export function answerList(call: OperationCall): Response {
  const { c, op, url, parentIds } = call
  let rows = call.deps.store
    .list(call.resource)
    .filter((row) => parentIds.every(([field, id]) => String(row[field]) === String(id)))
  if (op.action === 'search') rows = rows.filter(matchesQuery(op, url.searchParams))
  const query = url.searchParams
  const pageName = op.query.find((name) => PAGE_PARAMS.includes(name))
  const limitName = op.query.find((name) => LIMIT_PARAMS.includes(name))
  // A page size the request leaves out is the one the document declares (`default: 20`).
  const limit = positive(valueOf(op, query, limitName))
  const page = positive(valueOf(op, query, pageName)) ?? 1
  const shown = limit === undefined ? rows : rows.slice((page - 1) * limit, page * limit)
  const links: { self: string; next?: string; prev?: string } = { self: url.href }
  if (limit !== undefined && pageName !== undefined) {
    const at = (n: number): string => {
      const next = new URL(url)
      next.searchParams.set(pageName, String(n))
      return next.href
    }
    if (page * limit < rows.length) links.next = at(page + 1)
    if (page > 1) links.prev = at(page - 1)
  }
  const schema = itemsSchema(op.success.schema, op.wrapper?.itemsKey)
  const items = shown.map((row) =>
    present(row, schema, {
      self: `${call.self}/${encodeURIComponent(String(row[op.key] ?? row['id']))}`,
    }),
  )
  const body =
    op.wrapper === undefined ? items : wrap(items, op.wrapper.schema, op.wrapper.itemsKey, links)
  return sendOperation(c, op, body, { 'X-Total-Count': String(rows.length) })
}

/** `?status=sold` keeps items whose `status` is `sold`; an array field matches an element (or its `name`). */
function matchesQuery(op: OperationBinding, query: URLSearchParams): (row: Row) => boolean {
  const filters = op.query
    .filter((name) => query.has(name))
    .map((name) => ({ name, values: query.getAll(name).flatMap((v) => v.split(',')) }))
  return (row) =>
    filters.every(({ name, values }) => {
      if (!(name in row)) return true
      const field = row[name]
      const candidates = Array.isArray(field)
        ? field.flatMap(elementValues)
        : elementValues(field ?? null)
      return candidates.some((candidate) => values.includes(candidate))
    })
}

function elementValues(value: JsonValue): string[] {
  if (isJsonObject(value))
    return ['name', 'id'].filter((k) => k in value).map((k) => String(value[k]))
  return [String(value)]
}

/** A query parameter's value, else its declared default. */
function valueOf(
  op: OperationBinding,
  query: URLSearchParams,
  name: string | undefined,
): string | null {
  if (name === undefined) return null
  const given = query.get(name)
  if (given !== null) return given
  const declared = op.parameters.find((p) => p.in === 'query' && p.name === name)?.schema['default']
  return typeof declared === 'number' || typeof declared === 'string' ? String(declared) : null
}

function positive(text: string | null): number | undefined {
  const value = Number(text)
  return text !== null && Number.isSafeInteger(value) && value > 0 ? value : undefined
}
