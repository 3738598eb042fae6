/**
 * A form key as a path into the body, as PHP, Rails and Express's `qs` read them:
 * `user[name]` and `user.name` are `['user', 'name']`, `tags[]` is `['tags']` appended to,
 * `items[0][sku]` is `['items', '0', 'sku']`. `undefined` for a plain key (`title`) and for one
 * that does not read as a path (`a[b`, `a[][b]`), which stay keys as they are.
 */
export type FormKeyPath = { readonly segments: readonly string[]; readonly append: boolean }

const KEY = /^[^[\].]+(?:\[[^[\]]*\]|\.[^[\].]+)+$/
const PART = /\[([^[\]]*)\]|\.([^[\].]+)/g
/** Deeper paths are not nested: the body could not be stored (read-json-body.ts's limit is 64). */
const MAX_SEGMENTS = 32

export function formKeyPath(key: string): FormKeyPath | undefined {
  if (!KEY.test(key)) return undefined
  const first = key.slice(0, key.search(/[[.]/))
  const segments = [first]
  let append = false
  for (const match of key.slice(first.length).matchAll(PART)) {
    const segment = match[1] ?? match[2] ?? ''
    // `[]` appends, and only at the end
    if (append) return undefined
    if (segment === '' && match[1] !== undefined) append = true
    else segments.push(segment)
  }
  return segments.length > MAX_SEGMENTS ? undefined : { segments, append }
}
