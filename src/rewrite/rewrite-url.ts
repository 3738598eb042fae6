import { fillTarget, type RewriteRule } from './compile-rewrite.ts'

/**
 * Runs the rules in order on a request's path and query (each rule sees what the previous ones
 * made of it, as json-server's rewriter does); `undefined` when no rule applies. The request's
 * query string is kept: its parameters follow those the target sets (json-server drops or mangles
 * it, #540). A pattern that names a query (`/articles\\?id=:id`) consumes the query instead.
 */
export function rewriteUrl(
  rules: readonly RewriteRule[],
  pathname: string,
  search: string,
): string | undefined {
  let path = pathname
  let query = search.startsWith('?') ? search.slice(1) : search
  let changed = false
  for (const rule of rules) {
    const subject = rule.withQuery && query !== '' ? `${path}?${query}` : path
    const found = rule.match(subject)
    if (found === undefined) continue
    const target = fillTarget(rule.to, found)
    const mark = target.indexOf('?')
    const targetPath = mark === -1 ? target : target.slice(0, mark)
    const targetQuery = mark === -1 ? '' : target.slice(mark + 1)
    path = targetPath.startsWith('/') ? targetPath : `/${targetPath}`
    query = rule.withQuery ? targetQuery : mergeQueries(targetQuery, query)
    changed = true
  }
  if (!changed) return undefined
  return query === '' ? path : `${path}?${query}`
}

/** The target's parameters, then the request's that the target does not set. */
function mergeQueries(target: string, request: string): string {
  if (request === '') return target
  if (target === '') return request
  const set = new Set(new URLSearchParams(target).keys())
  const kept = request.split('&').filter((pair) => {
    const key = pair.split('=')[0] ?? ''
    let name: string
    try {
      name = decodeURIComponent(key.replaceAll('+', ' '))
    } catch {
      name = key
    }
    return pair !== '' && !set.has(name)
  })
  return kept.length === 0 ? target : `${target}&${kept.join('&')}`
}
