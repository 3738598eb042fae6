import type { HomepageInfo } from '../../src/pages/homepage.ts'
import { firstItems, loadSchema } from '../openapi/load-fixture.ts'

/** Homepage info for a fixture schema, with counts as generated and the given options. */
export async function homepageInfo(
  file: URL,
  overrides: Partial<HomepageInfo> = {},
): Promise<HomepageInfo> {
  const schema = await loadSchema(file)
  return {
    version: '0.1.0',
    baseUrl: 'http://127.0.0.1:3000',
    schema,
    counts: (resource) => schema.resources.get(resource)?.count ?? 0,
    examples: firstItems(schema),
    options: { readOnly: false, fakeWrites: false, delay: undefined, cors: true },
    ...overrides,
  }
}

const VOID = new Set(['meta', 'link', 'br', 'img', 'input', 'hr'])

/** Open elements left unclosed or closed out of order; empty for well-nested markup. */
export function nestingProblems(html: string): string[] {
  const stack: string[] = []
  const problems: string[] = []
  const body = html.replace(
    /<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<!doctype html>/gi,
    '',
  )
  for (const match of body.matchAll(/<(\/?)([a-z][a-z0-9]*)\b[^>]*>/g)) {
    const [, closing, name] = match
    if (name === undefined || VOID.has(name)) continue
    if (closing === '') stack.push(name)
    else if (stack.pop() !== name) problems.push(`unexpected </${name}>`)
  }
  return [...problems, ...stack.map((name) => `unclosed <${name}>`)]
}
