import type { Row } from '../json.ts'
import { OPEN_RULE, type Access, type AccessRule } from './access.ts'
import type { AuthConfig, Caller } from './auth-config.ts'

export function ruleFor(config: AuthConfig, resource: string): AccessRule {
  return config.rules.get(resource) ?? OPEN_RULE
}

/** The field that names an item's owner; the id in the users resource, where a user owns itself. */
export function ownerField(config: AuthConfig, resource: string): string {
  if (resource === config.users) return config.userIdKey
  return config.owners.get(resource) ?? config.defaultOwner
}

/** Whether the caller owns the item (ids compare as text: a token's `sub` is a string). */
export function isOwner(
  config: AuthConfig,
  resource: string,
  row: Row,
  caller: Caller | undefined,
): boolean {
  if (caller === undefined) return false
  const owner = row[ownerField(config, resource)]
  return (typeof owner === 'number' || typeof owner === 'string') && String(owner) === caller.id
}

/** Whether an access level lets the caller at this item. */
export function allows(
  access: Access,
  config: AuthConfig,
  resource: string,
  row: Row,
  caller: Caller | undefined,
): boolean {
  switch (access) {
    case 'anyone':
      return true
    case 'logged-in':
      return caller !== undefined
    case 'owner':
      return isOwner(config, resource, row, caller)
    case 'nobody':
      return false
  }
}

/**
 * May this caller read this item? The one answer lists, nested routes, `_embed`, `_expand`, `q`,
 * `/db` and the change feed all use. `rule` overrides the resource's own (a `/600/…` prefix).
 */
export function mayRead(
  config: AuthConfig,
  resource: string,
  row: Row,
  caller: Caller | undefined,
  rule: AccessRule = ruleFor(config, resource),
): boolean {
  return allows(rule.read, config, resource, row, caller)
}
