import { parseAccept } from 'hono/utils/accept'

type Rank = { readonly q: number; readonly specificity: number }

const NONE: Rank = { q: 0, specificity: -1 }

// The quality the most specific matching range gives `type/subtype` (RFC 9110 §12.5.1).
function rankOf(ranges: readonly (readonly [string, number])[], mediaType: string): Rank {
  const [type] = mediaType.split('/')
  let best = NONE
  for (const [range, q] of ranges) {
    const specificity =
      range === mediaType ? 2 : range === `${type}/*` ? 1 : range === '*/*' ? 0 : -1
    if (specificity < 0) continue
    if (specificity > best.specificity || (specificity === best.specificity && q > best.q)) {
      best = { q, specificity }
    }
  }
  return best
}

/**
 * Whether an `Accept` header asks for `application/json` rather than `text/html`: a higher
 * quality wins, then the more specific match (`application/json, *\/*` from axios is JSON);
 * a tie, or no header, is HTML. Not Hono's `accepts` helper: it never lets `*\/*` match and breaks
 * a tie by header order, where the homepage keeps HTML for browsers.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (accept === undefined) return false
  // Hono's parser: quoted parameters, whitespace, and a `q` out of range or unreadable read as 1
  const ranges = parseAccept(accept).map(({ type, q }) => [type.toLowerCase(), q] as const)
  const json = rankOf(ranges, 'application/json')
  const html = rankOf(ranges, 'text/html')
  if (json.q !== html.q) return json.q > html.q
  return json.q > 0 && json.specificity > html.specificity
}
