import type { Action, OpenApiBinding } from './binding.ts'

/** A served document's operation as the homepage and the banner list it. */
export type OperationLine = {
  readonly method: string
  /** As the document writes it: `/pet/{petId}`. */
  readonly path: string
  readonly operationId: string
  /** What fauxrest does for it: `lists pet`, `generated answer`… */
  readonly does: string
}

const DOES: Readonly<Record<Exclude<Action, 'answer' | 'count'>, (resource: string) => string>> = {
  list: (r) => `lists ${r}`,
  search: (r) => `lists ${r}, filtered by the query`,
  create: (r) => `creates in ${r}`,
  read: (r) => `reads from ${r}`,
  replace: (r) => `replaces in ${r}`,
  'replace-by-body': (r) => `replaces in ${r} (the body names the item)`,
  patch: (r) => `updates in ${r}`,
  'patch-by-query': (r) => `updates in ${r} from the query`,
  delete: (r) => `deletes from ${r}`,
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']

/** The document's operations, by path and then method, each with what it does with the data. */
export function operationLines(binding: OpenApiBinding): OperationLine[] {
  return binding.operations
    .map((op) => ({
      method: op.method,
      path: op.path,
      operationId: op.operationId,
      does:
        op.action === 'answer' || op.resource === undefined
          ? 'generated answer'
          : op.action === 'count'
            ? `counts ${op.resource} by ${op.key}`
            : DOES[op.action](op.resource),
    }))
    .toSorted(
      (a, b) =>
        a.path.localeCompare(b.path) ||
        METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method),
    )
}
