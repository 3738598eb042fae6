import { hasOwn } from '../json.ts'
import type { Data, JsonObject, Row } from '../json.ts'
import type { ResourceTexts } from './db-file-adapter.ts'
import { parseResource } from './serialize.ts'

/**
 * The data as it was at startup, parsing again only the resources that may have changed since
 * (`changed`, plus any added or dropped); `undefined` when nothing differs.
 */
export function startupData(
  current: Data,
  texts: ResourceTexts,
  changed: ReadonlySet<string>,
): { readonly data: Data; readonly stale: ReadonlySet<string> } | undefined {
  const stale = new Set(changed)
  for (const name of Object.keys(current)) if (!texts.has(name)) stale.add(name)
  for (const name of texts.keys()) if (!hasOwn(current, name)) stale.add(name)
  if (stale.size === 0) return undefined
  const data: Data = {}
  for (const [name, bytes] of texts) {
    const value = stale.has(name) ? asResource(parseResource(bytes)) : current[name]
    if (value !== undefined) data[name] = value
  }
  return { data, stale }
}

/** Puts back what the file holds for these resources (dropping those it does not hold). */
export function restoreFrom(texts: ResourceTexts, data: Data, names: Iterable<string>): void {
  for (const name of names) {
    const bytes = texts.get(name)
    if (bytes === undefined) delete data[name]
    else data[name] = asResource(parseResource(bytes))
  }
}

// Text the store wrote or checked at open; members outside the schema stay whatever they are.
function asResource(value: unknown): Row[] | JsonObject {
  return value as Row[] | JsonObject
}
