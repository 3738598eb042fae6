import type { Row } from '../json.ts'
import type { Access } from './access.ts'
import { modeOfRule } from './access.ts'
import type { AuthConfig } from './auth-config.ts'
import { knownPassword } from './known-passwords.ts'

export type RuleLine = {
  readonly resource: string
  readonly read: Access
  readonly write: Access
  /** json-server-auth's guard for the rule (`640`), when it has one. */
  readonly mode: string | undefined
}

/** A generated user a front end can log in as at once. */
export type DemoLogin = { readonly login: string; readonly password: string }

/** What the banner and the homepage say about auth: how to log in, the rules, demo users. */
export type AuthOverview = {
  readonly users: string
  readonly login: string
  readonly password: string
  readonly rules: readonly RuleLine[]
  /** Generated users with their known passwords (a schema that declares auth); else empty. */
  readonly demo: readonly DemoLogin[]
}

export const DEMO_LOGINS = 5

export function authOverview(
  config: AuthConfig,
  users: readonly Row[],
  knownPasswords: boolean,
  limit = DEMO_LOGINS,
): AuthOverview {
  const rules = [...config.rules].map(([resource, rule]) => ({
    resource,
    read: rule.read,
    write: rule.write,
    mode: modeOfRule(rule),
  }))
  const demo = knownPasswords
    ? users.slice(0, limit).flatMap((user) => {
        const login = user[config.login]
        return typeof login === 'string' ? [{ login, password: knownPassword(config, user) }] : []
      })
    : []
  return { users: config.users, login: config.login, password: config.password, rules, demo }
}
