import { singularize } from '../schema/singularize.ts'
import type { Schema } from '../schema/types.ts'

/**
 * `user-profile` -> `UserProfile`, `Übersicht` -> `Ubersicht` (OpenAPI component names are ASCII);
 * a leading digit gets a `Resource` prefix.
 */
export function pascalCase(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  const words = ascii.split(/[^A-Za-z0-9]+/).filter((word) => word !== '')
  const joined = words.map(capitalize).join('')
  if (joined === '') return 'Resource'
  return /^[0-9]/.test(joined) ? `Resource${joined}` : joined
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name)
  return pascal.charAt(0).toLowerCase() + pascal.slice(1)
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

// Names the generated documents define themselves, plus globals a type must not shadow.
const RESERVED: ReadonlySet<string> = new Set([
  'Error',
  'Database',
  'Resources',
  'ErrorDetail',
  'Array',
  'Boolean',
  'Date',
  'Function',
  'Map',
  'Number',
  'Object',
  'Partial',
  'Promise',
  'Readonly',
  'Record',
  'RegExp',
  'Required',
  'Set',
  'String',
  'Symbol',
])

// Component and type names derived from a resource's base name.
export const DERIVED_SUFFIXES = ['Create', 'Update', 'Page'] as const

function derivedFrom(name: string, base: string): boolean {
  return name === base || DERIVED_SUFFIXES.some((suffix) => name === base + suffix)
}

function clashes(candidate: string, taken: ReadonlySet<string>): boolean {
  if (RESERVED.has(candidate)) return true
  for (const other of taken) {
    if (derivedFrom(candidate, other) || derivedFrom(other, candidate)) return true
  }
  return false
}

/**
 * A unique PascalCase type name per resource (`posts` -> `Post`, singular `profile` -> `Profile`),
 * chosen so that no name or derived name (`PostCreate`, `PostUpdate`, `PostPage`) collides with another.
 */
export function resourceTypeNames(schema: Schema): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  for (const resource of schema.resources.values()) {
    const base = pascalCase(resource.singular ? resource.name : singularize(resource.name))
    let candidate = base
    for (let n = 2; clashes(candidate, taken); n += 1) candidate = `${base}${n}`
    names.set(resource.name, candidate)
    taken.add(candidate)
  }
  return names
}

/** The name of a resource's type, from a map built by `resourceTypeNames`. */
export function typeNameOf(names: ReadonlyMap<string, string>, resource: string): string {
  return names.get(resource) ?? pascalCase(resource)
}
