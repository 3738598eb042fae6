/** Splits a URL path into decoded segments; a trailing slash is ignored; undefined when undecodable. */
export function pathSegments(pathname: string): string[] | undefined {
  const raw = pathname.split('/').slice(1)
  if (raw.at(-1) === '') raw.pop()
  try {
    return raw.map((segment) => (segment.includes('%') ? decodeURIComponent(segment) : segment))
  } catch {
    return undefined
  }
}

/**
 * The path and query of an absolute request URL (already normalised by the server), without
 * parsing it into a URL object: the hot paths need only these two strings.
 */
export function splitUrl(url: string): { pathname: string; search: string } {
  const scheme = url.indexOf('//')
  const start = url.indexOf('/', scheme === -1 ? 0 : scheme + 2)
  if (start === -1) return { pathname: '/', search: '' }
  const query = url.indexOf('?', start)
  return query === -1
    ? { pathname: url.slice(start), search: '' }
    : { pathname: url.slice(start, query), search: url.slice(query) }
}
