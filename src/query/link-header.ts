import type { PageLinks } from './types.ts'

const RELS = ['first', 'prev', 'next', 'last'] as const

/**
 * The Link header for `_page` paging: `<http://host/posts?_page=1&_limit=10>; rel="first", ...`.
 * `url` is the absolute request URL. Every other parameter is kept exactly as the client wrote it; only `_page` changes.
 */
export function linkHeader(requestUrl: string, links: PageLinks): string {
  // Split as text: a URL object would cost a parse on every list answer that pages.
  const url = requestUrl.split('#', 1)[0] ?? ''
  const query = url.indexOf('?')
  const base = query === -1 ? url : url.slice(0, query)
  const parts = (query === -1 ? '' : url.slice(query + 1)).split('&').filter((part) => part !== '')
  return RELS.flatMap((rel) => {
    const page = links[rel]
    return page === undefined ? [] : [`<${base}?${withPage(parts, page)}>; rel="${rel}"`]
  }).join(', ')
}

function withPage(parts: readonly string[], page: number): string {
  const kept: string[] = []
  let placed = false
  for (const part of parts) {
    if (paramName(part) !== '_page') kept.push(part)
    else if (!placed) {
      kept.push(`_page=${page}`)
      placed = true
    }
  }
  if (!placed) kept.push(`_page=${page}`)
  return kept.join('&')
}

function paramName(part: string): string {
  const raw = part.split('=', 1)[0] ?? ''
  try {
    return decodeURIComponent(raw.replaceAll('+', ' '))
  } catch {
    return raw
  }
}
