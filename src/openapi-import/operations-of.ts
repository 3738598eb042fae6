import { childPointer, entriesOf, nodeAt, pointer, type Node } from './document.ts'
import { parsePathTemplate, type Segment } from './path-template.ts'

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
export type Method = (typeof METHODS)[number]

/** One operation of the document with its path-level parameters merged in. */
export type Operation = {
  readonly method: Method
  readonly path: string
  readonly segments: readonly Segment[]
  readonly node: Node
  readonly parameters: readonly Node[]
  readonly pointer: string
}

/** Every operation of the document; paths whose template cannot be routed are warned about. */
export function operationsOf(resolved: Node, warn: (line: string) => void): Operation[] {
  const operations: Operation[] = []
  for (const [path, item] of entriesOf(nodeAt(resolved, 'paths'))) {
    const at = pointer('paths', path)
    const segments = parsePathTemplate(path)
    if (segments === undefined) {
      warn(`${at}: skipped: a path segment mixing text and a parameter is not supported`)
      continue
    }
    const shared = Array.isArray(item['parameters']) ? (item['parameters'] as unknown[]) : []
    for (const method of METHODS) {
      const node = nodeAt(item, method)
      if (node === undefined) continue
      const own = Array.isArray(node['parameters']) ? (node['parameters'] as unknown[]) : []
      operations.push({
        method,
        path,
        segments,
        node,
        parameters: mergeParameters(shared, own),
        pointer: childPointer(at, method),
      })
    }
  }
  return operations
}

// An operation's parameter overrides the path item's one with the same name and location.
function mergeParameters(shared: readonly unknown[], own: readonly unknown[]): Node[] {
  const byKey = new Map<string, Node>()
  for (const parameter of [...shared, ...own]) {
    const node = parameter as Node
    if (typeof node !== 'object' || node === null) continue
    byKey.set(`${String(node['in'])}:${String(node['name'])}`, node)
  }
  return [...byKey.values()]
}
