import type { SecurityScheme } from './binding.ts'
import { isNode, nodeAt, type Node } from './document.ts'

/**
 * An operation's security requirements as alternatives of schemes to check. An empty alternative
 * (`{}`) makes a credential optional, so nothing is checked; schemes fauxrest cannot see from a
 * request (mutual TLS) are accepted.
 */
export function securityOf(resolved: Node, operation: Node): SecurityScheme[][] {
  const requirements = operation['security'] ?? resolved['security']
  if (!Array.isArray(requirements) || requirements.length === 0) return []
  const schemes =
    nodeAt(nodeAt(resolved, 'components'), 'securitySchemes') ??
    nodeAt(resolved, 'securityDefinitions')
  const alternatives: SecurityScheme[][] = []
  for (const requirement of requirements) {
    if (!isNode(requirement)) continue
    const names = Object.keys(requirement)
    if (names.length === 0) return []
    const alternative: SecurityScheme[] = []
    for (const name of names) {
      const scheme = schemeOf(nodeAt(schemes, name))
      if (scheme !== undefined) alternative.push(scheme)
    }
    if (alternative.length === 0) return []
    alternatives.push(alternative)
  }
  return alternatives
}

function schemeOf(node: Node | undefined): SecurityScheme | undefined {
  if (node === undefined) return undefined
  const type = node['type']
  if (type === 'apiKey') {
    const where = node['in']
    const name = node['name']
    if ((where === 'header' || where === 'query' || where === 'cookie') && typeof name === 'string')
      return { kind: 'apiKey', in: where, name }
    return undefined
  }
  if (type === 'http' || type === 'basic') {
    const scheme = String(node['scheme'] ?? 'basic').toLowerCase()
    return scheme === 'basic' ? { kind: 'basic' } : { kind: 'bearer' }
  }
  if (type === 'oauth2' || type === 'openIdConnect') return { kind: 'bearer' }
  return undefined
}
