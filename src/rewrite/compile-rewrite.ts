import { RE2JS } from 're2js'

/** One line of a routes file, compiled: `"/blog/:resource/:id": "/:resource/:id"`. */
export type RewriteRule = {
  readonly from: string
  readonly to: string
  /** Tries the rule on a path (or on path and query, for a pattern that names a query). */
  readonly match: (text: string) => RewriteMatch | undefined
  /** The pattern names a query (`/articles\\?id=:id`): it is matched with the query string. */
  readonly withQuery: boolean
}

/** `$1`, `$2`… by position, and `:name` by name. */
export type RewriteMatch = {
  readonly groups: readonly string[]
  readonly named: ReadonlyMap<string, string>
}

/**
 * Compiles a rule in json-server's syntax (express-urlrewrite on path-to-regexp 1.x): `*` matches
 * anything (`$1`), `:name` one path segment, `:name?` an optional one, `:name(regex)` a segment
 * the regex matches, `\\` escapes a character; the match is case-insensitive, anchored and allows a
 * trailing slash. Written here rather than taken from path-to-regexp: its 1.x line (the syntax
 * json-server reads) backtracks on hostile URLs, and its current line reads another syntax. The
 * pattern runs on RE2 (re2js, already used for `_like`), linear in the URL's length.
 */
export function compileRewrite(from: string, to: string): RewriteRule | { error: string } {
  let source = ''
  const names: (string | undefined)[] = []
  let withQuery = false
  for (let at = 0; at < from.length;) {
    const char = from[at] ?? ''
    if (char === '\\') {
      const escaped = from[at + 1] ?? ''
      if (escaped === '?') withQuery = true
      source += RE2JS.quote(escaped)
      at += 2
      continue
    }
    if (char === '*') {
      source += '(.*)'
      names.push(undefined)
      at++
      continue
    }
    const param = /^:(\w+)(?:\(((?:\\.|[^\\()])+)\))?([?*+])?/.exec(from.slice(at))
    if (param !== null) {
      const [text, name = '', pattern = '[^/]+?', modifier] = param
      names.push(name)
      const group =
        modifier === '*' || modifier === '+'
          ? `((?:${pattern})(?:/(?:${pattern}))*)`
          : `(${pattern})`
      // An optional parameter takes its leading slash with it: `/posts/:id?` matches `/posts`.
      if ((modifier === '?' || modifier === '*') && source.endsWith('/')) {
        source = `${source.slice(0, -1)}(?:/${group})?`
      } else {
        source += modifier === '?' || modifier === '*' ? `${group}?` : group
      }
      at += text.length
      continue
    }
    if (char === '?') withQuery = true
    source += RE2JS.quote(char)
    at++
  }
  let regex: RE2JS
  try {
    regex = RE2JS.compile(`^${source.replace(/\/$/, '')}/?$`, RE2JS.CASE_INSENSITIVE)
  } catch (error) {
    return { error: `is not a pattern fauxrest can read (${String(error)})` }
  }
  const match = (text: string): RewriteMatch | undefined => {
    const matcher = regex.matcher(text)
    if (!matcher.matches()) return undefined
    const groups: string[] = []
    const named = new Map<string, string>()
    names.forEach((name, index) => {
      const value = matcher.group(index + 1) ?? ''
      groups.push(value)
      if (name !== undefined) named.set(name, value)
    })
    return { groups, named }
  }
  return { from, to, match, withQuery }
}

/** The target with `$1`… and `:name` filled in; a `:word` that names no parameter stays as it is. */
export function fillTarget(to: string, found: RewriteMatch): string {
  return to.replace(
    /\$(\d+)|:(\w+)/g,
    (text, index: string | undefined, name: string | undefined) => {
      if (index !== undefined) return found.groups[Number(index) - 1] ?? ''
      return (name !== undefined ? found.named.get(name) : undefined) ?? text
    },
  )
}
