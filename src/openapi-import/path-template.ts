/** A path template's segments: static text, or a `{param}`. */
export type Segment = { readonly param: string } | { readonly text: string }

const PARAM = /^\{([^{}]+)\}$/

/** `/pets/{petId}` → [pets, {petId}]; `undefined` for a segment mixing text and a parameter. */
export function parsePathTemplate(path: string): Segment[] | undefined {
  const segments: Segment[] = []
  for (const part of path.split('/').filter((s) => s !== '')) {
    const match = PARAM.exec(part)
    if (match?.[1] !== undefined) segments.push({ param: match[1] })
    else if (part.includes('{') || part.includes('}')) return undefined
    else segments.push({ text: part })
  }
  return segments
}

export function isParam(segment: Segment | undefined): segment is { readonly param: string } {
  return segment !== undefined && 'param' in segment
}

export function templateOf(segments: readonly Segment[]): string {
  return `/${segments.map((s) => ('param' in s ? `{${s.param}}` : s.text)).join('/')}`
}

/** Hono's form of a template: `/pets/:petId`. */
export function honoPath(segments: readonly Segment[]): string {
  return `/${segments.map((s, index) => ('param' in s ? `:p${index}` : s.text)).join('/')}`
}
