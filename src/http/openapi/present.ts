import type { JsonObject, JsonValue } from '../../json.ts'
import { childPointer, isNode, type Node } from '../../openapi-import/document.ts'
import { isLinks } from '../../openapi-import/native-resources.ts'
import { sampleValue } from '../../openapi-import/sample-value.ts'
import { viewSchema } from '../../openapi-import/schema-view.ts'

/** Links the server knows for an answer: the URL asked, and the next and previous pages. */
export type Links = { readonly self: string; readonly next?: string; readonly prev?: string }

/**
 * A stored value as the answer schema has it: `writeOnly` properties left out, objects of links
 * filled from the request, and required properties the state lacks (server-set `readOnly` ones)
 * given a valid value.
 */
export function present(
  value: JsonValue,
  schema: Node | undefined,
  links: Links,
  depth = 0,
): JsonValue {
  if (schema === undefined || depth > 8) return value
  const view = viewSchema(schema, '#')
  if (Array.isArray(value) && view.type === 'array') {
    const items = view.node['items']
    return isNode(items) ? value.map((element) => present(element, items, links, depth + 1)) : value
  }
  if (!isNode(value) || view.type !== 'object') return value
  const out: JsonObject = {}
  for (const [key, field] of Object.entries(value)) {
    const property = view.properties.get(key)
    if (property?.['writeOnly'] === true) continue
    out[key] = property === undefined ? field : present(field, property, links, depth + 1)
  }
  for (const [key, property] of view.properties) {
    const at = childPointer('#', 'properties', key)
    if (isLinks(property, at)) out[key] = linksFor(property, links)
    else if (out[key] === undefined && view.required.has(key)) out[key] = sampleValue(property, at)
  }
  return out
}

function linksFor(schema: Node, links: Links): JsonObject {
  const view = viewSchema(schema, '#')
  const out: JsonObject = {}
  for (const key of view.properties.keys()) {
    const value =
      key === 'self'
        ? links.self
        : key === 'next'
          ? links.next
          : key === 'prev'
            ? links.prev
            : undefined
    if (value !== undefined) out[key] = value
    else if (view.required.has(key)) out[key] = links.self
  }
  return out
}

/** A wrapped list: the items under their key, links and other required members beside them. */
export function wrap(
  items: JsonValue[],
  wrapperSchema: Node,
  itemsKey: string,
  links: Links,
): JsonObject {
  const view = viewSchema(wrapperSchema, '#')
  const out: JsonObject = { [itemsKey]: items }
  for (const [key, property] of view.properties) {
    if (key === itemsKey) continue
    const at = childPointer('#', 'properties', key)
    if (isLinks(property, at)) out[key] = linksFor(property, links)
    else if (view.required.has(key)) out[key] = sampleValue(property, at)
  }
  return out
}

/** The items schema of a list answer: a bare array's, or the wrapper's array's. */
export function itemsSchema(
  schema: Node | undefined,
  itemsKey: string | undefined,
): Node | undefined {
  if (schema === undefined) return undefined
  const view = viewSchema(schema, '#')
  const list = itemsKey === undefined ? view : viewSchema(view.properties.get(itemsKey), '#')
  const items = list.node['items']
  return isNode(items) ? items : undefined
}
