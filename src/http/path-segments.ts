/** Splits a URL path into decoded segments; a trailing slash is ignored; undefined when undecodable. */
export function pathSegments(pathname: string): string[] | undefined {
  const raw = pathname.split('/').slice(1)
  if (raw.at(-1) === '') raw.pop()
  try {
    return raw.map((segment) => decodeURIComponent(segment))
  } catch {
    return undefined
  }
}
