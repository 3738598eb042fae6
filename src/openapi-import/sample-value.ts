import type { JsonObject, JsonValue } from '../json.ts'
import { childPointer, isNode } from './document.ts'
import { viewSchema } from './schema-view.ts'

const FORMAT_SAMPLES: Readonly<Record<string, string>> = {
  'date-time': '2025-01-01T00:00:00Z',
  date: '2025-01-01',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '127.0.0.1',
  ipv6: '::1',
  hostname: 'example.com',
}

/**
 * The plainest value valid against a schema (an example, a default, the first enum value, else a
 * minimal value of its type): for declared headers and fields the server fills itself. No faker:
 * these need to be valid and stable, not varied.
 */
export function sampleValue(schema: unknown, at: string, depth = 0): JsonValue {
  const view = viewSchema(schema, at)
  const node = view.node
  for (const key of ['const', 'example', 'default'] as const) {
    if (node[key] !== undefined) return node[key] as JsonValue
  }
  if (Array.isArray(node['examples']) && node['examples'].length > 0)
    return node['examples'][0] as JsonValue
  if (Array.isArray(node['enum']) && node['enum'].length > 0) return node['enum'][0] as JsonValue
  switch (view.type) {
    case 'string': {
      const format = typeof node['format'] === 'string' ? FORMAT_SAMPLES[node['format']] : undefined
      const minLength = typeof node['minLength'] === 'number' ? node['minLength'] : 0
      return format ?? 'x'.repeat(Math.max(1, minLength))
    }
    case 'integer':
    case 'number': {
      const minimum = typeof node['minimum'] === 'number' ? node['minimum'] : undefined
      const exclusive =
        typeof node['exclusiveMinimum'] === 'number' ? node['exclusiveMinimum'] : undefined
      return exclusive !== undefined ? exclusive + 1 : (minimum ?? 1)
    }
    case 'boolean':
      return true
    case 'array':
      return []
    case 'object': {
      const out: JsonObject = {}
      if (depth > 4) return out
      for (const name of view.required) {
        const property = view.properties.get(name)
        if (isNode(property))
          out[name] = sampleValue(property, childPointer(at, 'properties', name), depth + 1)
      }
      return out
    }
    case undefined:
      return view.nullable ? null : 'x'
  }
}
