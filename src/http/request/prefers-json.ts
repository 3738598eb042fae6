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

function parseAccept(header: string): [string, number][] {
  const ranges: [string, number][] = []
  for (const entry of header.split(',')) {
    const [range = '', ...params] = entry.split(';').map((part) => part.trim().toLowerCase())
    if (!/^[^\s/]+\/[^\s/]+$/.test(range)) continue
    let q = 1
    for (const param of params) {
      const match = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(param)
      if (match !== null) q = Math.min(1, Number(match[1]))
      else if (param.startsWith('q=')) q = Number.NaN
    }
    if (!Number.isNaN(q)) ranges.push([range, q])
  }
  return ranges
}

/**
 * Whether an `Accept` header asks for `application/json` rather than `text/html`: a higher
 * quality wins, then the more specific match (`application/json, *\/*` from axios is JSON);
 * a tie, or no header, is HTML.
 */
export function prefersJson(accept: string | undefined): boolean {
  if (accept === undefined) return false
  const ranges = parseAccept(accept)
  const json = rankOf(ranges, 'application/json')
  const html = rankOf(ranges, 'text/html')
  if (json.q !== html.q) return json.q > html.q
  return json.q > 0 && json.specificity > html.specificity
}
