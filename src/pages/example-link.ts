import type { ResourceSpec } from '../schema/types.ts'
import type { ExampleField } from './example-fields.ts'

/** A request to show and link: `display` is readable, `href` is encoded. */
export type ExampleLink = { readonly display: string; readonly href: string }

/** `/posts?title_like=^Lor` with its encoded href. */
export function exampleLink(
  path: string,
  params: readonly (readonly [string, string])[] = [],
): ExampleLink {
  if (params.length === 0) return { display: path, href: path }
  const display = params.map(([key, value]) => `${key}=${value}`).join('&')
  const href = params
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&')
  return { display: `${path}?${display}`, href: `${path}?${href}` }
}

export type Candidate = {
  readonly resource: ResourceSpec
  readonly fields: readonly ExampleField[]
  readonly id: unknown
}

export type Pick = (candidate: Candidate) => readonly (readonly [string, string])[] | undefined

export const text = (field: ExampleField): string => String(field.value)
const isNumber = (field: ExampleField): boolean => typeof field.value === 'number' && !field.ref
export const isText = (field: ExampleField): boolean =>
  typeof field.value === 'string' && !field.ref && !field.deep

export function numeric(candidate: Candidate): readonly [string, string] | undefined {
  const field = candidate.fields.find(isNumber)
  if (field !== undefined) return [field.path, text(field)]
  const { id, resource } = candidate
  return typeof id === 'number' ? [resource.idKey, String(id)] : undefined
}
