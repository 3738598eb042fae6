import type { DeclaredHeader, DeclaredResponse, Wrapper } from './binding.ts'
import { childPointer, entriesOf, isNode, nodeAt, type Node } from './document.ts'
import { sampleValue } from './sample-value.ts'
import { viewSchema } from './schema-view.ts'

/** The JSON media type an answer or request uses: `application/json`, else the first `+json`. */
export function jsonMediaType(content: Node | undefined): string | undefined {
  if (content === undefined) return undefined
  const types = Object.keys(content)
  return types.find((t) => t === 'application/json') ?? types.find((t) => isJsonType(t))
}

export function isJsonType(type: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json(?:;|$)/.test(type)
}

/** The 2xx answer the operation declares (201 preferred for a create), else its `default`. */
export function successResponse(
  operation: Node,
  at: string,
  prefer: number | undefined,
): DeclaredResponse | undefined {
  const responses = nodeAt(operation, 'responses')
  const codes = Object.keys(responses ?? {})
    .filter((code) => /^2\d\d$/.test(code))
    .map(Number)
    .toSorted((a, b) => a - b)
  const status =
    (prefer !== undefined && codes.includes(prefer) ? prefer : undefined) ??
    codes[0] ??
    (nodeAt(responses, 'default') === undefined ? undefined : (prefer ?? 200))
  if (status === undefined) return undefined
  const key = codes.includes(status) ? String(status) : 'default'
  return declared(nodeAt(responses, key), status, childPointer(at, 'responses', key))
}

/** Every 4xx and 5xx answer the operation declares, and its `default`. */
export function errorResponses(
  operation: Node,
  at: string,
): Map<number | 'default', DeclaredResponse> {
  const errors = new Map<number | 'default', DeclaredResponse>()
  for (const [code, node] of entriesOf(nodeAt(operation, 'responses'))) {
    const where = childPointer(at, 'responses', code)
    if (code === 'default') {
      const response = declared(node, 500, where)
      if (response !== undefined) errors.set('default', response)
    } else if (/^[45]\d\d$/.test(code)) {
      const response = declared(node, Number(code), where)
      if (response !== undefined) errors.set(Number(code), response)
    }
  }
  return errors
}

function declared(
  node: Node | undefined,
  status: number,
  at: string,
): DeclaredResponse | undefined {
  if (node === undefined) return undefined
  const content = nodeAt(node, 'content')
  const mediaType = jsonMediaType(content)
  const media = mediaType === undefined ? undefined : nodeAt(content, mediaType)
  const schema = nodeAt(media, 'schema')
  const headers: DeclaredHeader[] = []
  for (const [name, header] of entriesOf(nodeAt(node, 'headers'))) {
    // Content-Type is said by the media type; the spec tells tools to ignore it among headers
    if (name.toLowerCase() === 'content-type') continue
    const schemaNode = nodeAt(header, 'schema') ?? {}
    headers.push({
      name,
      schema: schemaNode,
      value: headerValue(header, schemaNode, childPointer(at, 'headers', name)),
    })
  }
  if (content !== undefined && Object.keys(content).length > 0 && mediaType === undefined) {
    // Only non-JSON bodies declared (XML, text): answered without a body rather than in JSON
    return { status, mediaType: undefined, schema: undefined, headers }
  }
  return { status, mediaType, schema, headers }
}

function headerValue(header: Node, schema: Node, at: string): string {
  const examples = nodeAt(header, 'examples')
  const first = entriesOf(examples)[0]?.[1]
  const value =
    header['example'] ?? first?.['value'] ?? sampleValue(schema, childPointer(at, 'schema'))
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** A list answer's wrapper: an object with one array-of-objects property (`data`, `items`…). */
export function wrapperOf(schema: Node | undefined, at: string): Wrapper | undefined {
  if (schema === undefined) return undefined
  const view = viewSchema(schema, at)
  if (view.type !== 'object') return undefined
  for (const [key, property] of view.properties) {
    const inner = viewSchema(property, childPointer(at, 'properties', key))
    if (inner.type === 'array' && isNode(inner.node['items'])) {
      return { itemsKey: key, schema: view.node }
    }
  }
  return undefined
}

/** The items schema of a list answer (a bare array, or a wrapper's array). */
export function listItems(schema: Node | undefined, at: string): Node | undefined {
  if (schema === undefined) return undefined
  const view = viewSchema(schema, at)
  if (view.type === 'array') return nodeAt(view.node, 'items')
  const wrapper = wrapperOf(schema, at)
  if (wrapper === undefined) return undefined
  const property = viewSchema(view.properties.get(wrapper.itemsKey), at)
  return nodeAt(property.node, 'items')
}

/** The JSON request body: its schema, whether it is required, and its media types. */
export function requestBodyOf(
  operation: Node,
): { schema: Node; required: boolean; mediaTypes: string[] } | undefined {
  const body = nodeAt(operation, 'requestBody')
  const content = nodeAt(body, 'content')
  const mediaType = jsonMediaType(content)
  const schema = mediaType === undefined ? undefined : nodeAt(nodeAt(content, mediaType), 'schema')
  if (schema === undefined || content === undefined) return undefined
  return {
    schema,
    required: body?.['required'] === true,
    mediaTypes: Object.keys(content).filter((type) => isJsonType(type)),
  }
}
