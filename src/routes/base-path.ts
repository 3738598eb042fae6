import { UserError } from '../errors.ts'

// A segment of the prefix: what a resource name may hold (resource-name.ts), so no escaping.
const SEGMENT = /^[A-Za-z0-9._~-]+$/

/**
 * The prefix the whole API is served under (`--base`): `/api/v1` from `/api/v1` or `/api/v1/`,
 * `''` (none) from `/` or `''`. It must start with `/` and hold only URL-safe segments (letters, digits
 * and `. _ ~ -`; no `.` or `..`), so it is used in links as it is.
 */
export function parseBasePath(text: string, label = '--base'): string {
  if (text === '') return ''
  const segments = text.split('/')
  const [first, ...rest] = segments
  if (rest.at(-1) === '') rest.pop()
  const bad = rest.find((segment) => segment === '.' || segment === '..' || !SEGMENT.test(segment))
  if (first !== '' || bad !== undefined) {
    const why =
      first !== ''
        ? 'it must start with /'
        : bad === ''
          ? 'it has an empty segment'
          : `"${bad}" is not a URL-safe segment (letters, digits and . _ ~ - only)`
    throw new UserError(`${label} must be a URL path like /api or /api/v1, not "${text}": ${why}`)
  }
  return rest.map((segment) => `/${segment}`).join('')
}

/**
 * The path inside the prefix: `/posts/1` for `/api/posts/1` under `/api`, `/` for `/api` and
 * `/api/`; `undefined` for a path outside it (`/apix`, `/posts`). Without a prefix, the path.
 */
export function insideBase(base: string, pathname: string): string | undefined {
  if (base === '') return pathname
  if (!pathname.startsWith(base)) return undefined
  const rest = pathname.slice(base.length)
  if (rest === '') return '/'
  return rest.startsWith('/') ? rest : undefined
}

/** A path of the API as the client sends it: `/api/posts` for `/posts`, `/api` for `/`. */
export function atBase(base: string, path: string): string {
  if (base === '') return path
  return path === '/' ? base : `${base}${path}`
}
