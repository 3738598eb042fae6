import type { Context } from 'hono'
import type { AuthConfig } from '../../auth/auth-config.ts'
import { ruleFor } from '../../auth/may-read.ts'
import type { Data } from '../../json.ts'
import type { Lookups } from '../../query/lookups.ts'
import type { Database } from '../../store/database.ts'
import { requestAuth } from './request-auth.ts'
import { readCaller } from './tokens.ts'

/** `GET /db` as the caller may see it: readable items only, users without passwords. */
export async function visibleData(
  c: Context,
  config: AuthConfig,
  store: Database,
  base: Lookups,
  session: string | undefined,
): Promise<Data> {
  const auth = requestAuth(config, await readCaller(c, config, session), base, undefined)
  const out: Data = {}
  for (const [name, value] of Object.entries(store.data())) {
    if (Array.isArray(value)) {
      out[name] = [...auth.lookups.rows(name)]
      continue
    }
    const read = ruleFor(config, name).read
    if (read === 'anyone' || (read !== 'nobody' && auth.caller !== undefined)) out[name] = value
  }
  return out
}
