import { FORBIDDEN_KEYS } from '../json.ts'
import { HOME_BESIDE_FRONT_END, OWN_ROUTES } from '../routes/own-routes.ts'

/**
 * fauxrest's own paths a plain db's resource would hide: the first segment of each own route, and
 * of the homepage beside a front end. json-server-auth's routes are not among them (a resource
 * called `login` keeps its routes, route-table.ts), nor is `db`:
 * json-server serves `GET /db` as the whole database and the rest of `/db` as the resource, and so
 * does fauxrest.
 */
const OWN_PATHS: ReadonlySet<string> = new Set(
  [
    ...OWN_ROUTES.filter((route) => route.feature !== 'auth').map((route) => route.path),
    HOME_BESIDE_FRONT_END,
  ]
    .map((path) => path.split('/')[1] ?? '')
    .filter((name) => name !== '' && name !== 'db'),
)

/**
 * Why a plain db's key cannot be a resource, as one sentence saying what to do; `undefined` when
 * it can. A plain db takes the names json-server takes: any text a request can reach, percent-
 * encoded where it must be (`my posts` is `/my%20posts`), `_` first included. A `/` is refused
 * before this (schema-from-data.ts), as json-server refuses it.
 */
export function dbResourceNameProblem(name: string): string | undefined {
  if (FORBIDDEN_KEYS.has(name)) {
    return 'is reserved (it would reach Object.prototype): rename it'
  }
  if (name === '' || name === '.' || name === '..') {
    const why = name === '' ? 'it would be the path /' : 'URLs drop "." and ".." segments'
    return `cannot be a resource name: ${why}, so no request can reach it; rename it`
  }
  if (OWN_PATHS.has(name)) {
    return (
      `is fauxrest's own route /${name}: rename the resource (say to "my-${name}"), and keep ` +
      `its old URLs with a routes file: {"/${name}": "/my-${name}", "/${name}/*": "/my-${name}/$1"}`
    )
  }
  return undefined
}
