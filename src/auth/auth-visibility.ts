import type { Row } from '../json.ts'
import type { Visibility } from '../query/visible-lookups.ts'
import type { AccessRule } from './access.ts'
import type { AuthConfig, Caller } from './auth-config.ts'
import { mayRead, ruleFor } from './may-read.ts'

// Stored rows are never mutated in place, so a row's shown form stays valid for its lifetime.
const withoutPassword = new WeakMap<Row, Row>()

/** A users row as clients see it: without its password hash. */
export function publicUser(config: AuthConfig, row: Row): Row {
  if (!Object.hasOwn(row, config.password)) return row
  let shown = withoutPassword.get(row)
  if (shown === undefined) {
    const { [config.password]: _, ...rest } = row
    shown = rest as Row
    withoutPassword.set(row, shown)
  }
  return shown
}

/**
 * What a caller may see: each resource's read rule (`override` for the one a `/600/…` prefix
 * guards), and users without their password.
 */
export function authVisibility(
  config: AuthConfig,
  caller: Caller | undefined,
  override?: { readonly resource: string; readonly rule: AccessRule },
): Visibility {
  const rule = (resource: string): AccessRule =>
    override !== undefined && override.resource === resource
      ? override.rule
      : ruleFor(config, resource)
  return {
    visible: (resource, row) => mayRead(config, resource, row, caller, rule(resource)),
    present: (resource, row) => (resource === config.users ? publicUser(config, row) : row),
    untouched: (resource) => resource !== config.users && rule(resource).read === 'anyone',
  }
}
