/** A node of an OpenAPI document, as parsed from JSON or YAML (after `$ref`s are resolved). */
export type Node = { readonly [key: string]: unknown }

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function nodeAt(node: Node | undefined, key: string): Node | undefined {
  const value = node?.[key]
  return isNode(value) ? value : undefined
}

export function entriesOf(node: Node | undefined): [string, Node][] {
  if (node === undefined) return []
  return Object.entries(node).filter((entry): entry is [string, Node] => isNode(entry[1]))
}

/** A JSON pointer (RFC 6901) from its unescaped segments: `#/paths/~1pets/get`. */
export function pointer(...segments: readonly string[]): string {
  return `#/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`
}

export function childPointer(base: string, ...segments: readonly string[]): string {
  const tail = pointer(...segments).slice(2)
  return base === '#' ? `#/${tail}` : `${base}/${tail}`
}

/** A document that cannot be served; the message names the JSON pointer. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError'
  readonly pointer: string

  constructor(at: string, message: string) {
    super(`${at}: ${message}`)
    this.pointer = at
  }
}
