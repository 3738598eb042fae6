import type { JsonObject } from '../json.ts'
import { insideBase } from '../routes/base-path.ts'

/**
 * Warnings for the rules of a routes file that take the API's prefix off (`"/api/*": "/$1"`,
 * json-server's way to serve under `/api`) while `--base` puts it on: what they rewrite leaves
 * the API, so each such request is a 404. One line per rule.
 */
export function prefixStrippers(rules: JsonObject, base: string): string[] {
  if (base === '') return []
  const warnings: string[] = []
  for (const [from, to] of Object.entries(rules)) {
    if (typeof to !== 'string' || !to.startsWith('/')) continue
    const source = from.split('?')[0] ?? from
    const target = to.split('?')[0] ?? to
    if (insideBase(base, source) === undefined || insideBase(base, target) !== undefined) continue
    warnings.push(
      `${JSON.stringify(from)}: ${JSON.stringify(to)} takes off the prefix --base ${base} adds, ` +
        `so what it rewrites is a 404: drop the rule (--base does its work) or write its target under ${base}`,
    )
  }
  return warnings
}
