// A validator for the JSON Schema keywords schema/fauxrest.schema.json uses, so tests can check that
// the shipped JSON Schema and the parser accept the same documents.
type SchemaNode = boolean | { readonly [keyword: string]: unknown }

export function isValid(root: SchemaNode, value: unknown): boolean {
  return check(root, root, value)
}

function check(root: SchemaNode, node: SchemaNode, value: unknown): boolean {
  if (typeof node === 'boolean') return node
  const all = (key: string): SchemaNode[] => (node[key] as SchemaNode[] | undefined) ?? []
  const sub = (key: string): SchemaNode | undefined => node[key] as SchemaNode | undefined
  const ref = node['$ref']
  if (typeof ref === 'string' && !check(root, resolve(root, ref), value)) return false
  if (typeof node['type'] === 'string' && !hasType(value, node['type'])) return false
  if (Array.isArray(node['enum']) && !node['enum'].some((item) => same(item, value))) return false
  if ('const' in node && !same(node['const'], value)) return false
  if (!all('allOf').every((branch) => check(root, branch, value))) return false
  const anyOf = all('anyOf')
  if (anyOf.length > 0 && !anyOf.some((branch) => check(root, branch, value))) return false
  const oneOf = all('oneOf')
  if (oneOf.length > 0 && oneOf.filter((branch) => check(root, branch, value)).length !== 1) {
    return false
  }
  const not = sub('not')
  if (not !== undefined && check(root, not, value)) return false
  const condition = sub('if')
  const then = sub('then')
  if (condition !== undefined && then !== undefined && check(root, condition, value)) {
    if (!check(root, then, value)) return false
  }
  if (typeof value === 'string') return checkString(node, value)
  if (typeof value === 'number') return checkNumber(node, value)
  if (Array.isArray(value)) return checkArray(node, value)
  if (typeof value === 'object' && value !== null) {
    return checkObject(root, node, value as Record<string, unknown>)
  }
  return true
}

function checkString(node: Record<string, unknown>, value: string): boolean {
  if (typeof node['pattern'] === 'string' && !new RegExp(node['pattern'], 'u').test(value)) {
    return false
  }
  return typeof node['minLength'] !== 'number' || [...value].length >= node['minLength']
}

function checkNumber(node: Record<string, unknown>, value: number): boolean {
  if (typeof node['minimum'] === 'number' && value < node['minimum']) return false
  return typeof node['maximum'] !== 'number' || value <= node['maximum']
}

function checkArray(node: Record<string, unknown>, value: unknown[]): boolean {
  return typeof node['minItems'] !== 'number' || value.length >= node['minItems']
}

function checkObject(
  root: SchemaNode,
  node: Record<string, unknown>,
  value: Record<string, unknown>,
): boolean {
  const keys = Object.keys(value)
  const properties = (node['properties'] ?? {}) as Record<string, SchemaNode>
  const required = (node['required'] ?? []) as string[]
  if (!required.every((key) => Object.hasOwn(value, key))) return false
  if (typeof node['minProperties'] === 'number' && keys.length < node['minProperties']) return false
  const dependent = (node['dependentRequired'] ?? {}) as Record<string, string[]>
  for (const [key, needs] of Object.entries(dependent)) {
    if (Object.hasOwn(value, key) && !needs.every((need) => Object.hasOwn(value, need)))
      return false
  }
  const names = node['propertyNames'] as SchemaNode | undefined
  const additional = node['additionalProperties'] as SchemaNode | undefined
  for (const key of keys) {
    if (names !== undefined && !check(root, names, key)) return false
    const own = Object.hasOwn(properties, key) ? properties[key] : additional
    if (own !== undefined && !check(root, own, value[key])) return false
  }
  return true
}

function resolve(root: SchemaNode, ref: string): SchemaNode {
  if (!ref.startsWith('#/') || typeof root === 'boolean') throw new Error(`unsupported $ref ${ref}`)
  let node: unknown = root
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part]
  if (node === undefined) throw new Error(`dangling $ref ${ref}`)
  return node as SchemaNode
}

function hasType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'array') return Array.isArray(value)
  if (type === 'null') return value === null
  if (type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value)
  return typeof value === type
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
