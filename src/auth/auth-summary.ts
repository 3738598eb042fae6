import type { Row } from '../json.ts'
import { modeOfRule } from './access.ts'
import type { AuthConfig } from './auth-config.ts'
import { knownPassword } from './known-passwords.ts'

/** Lines that tell people how to log in and what each rule is: for the banner and the homepage. */
export function authSummary(
  config: AuthConfig,
  users: readonly Row[],
  knownPasswords: boolean,
): string[] {
  const lines = [
    `Auth: POST /register, POST /login with ${config.login} and ${config.password}; send Authorization: Bearer <accessToken>`,
  ]
  for (const [resource, rule] of config.rules) {
    const mode = modeOfRule(rule)
    lines.push(
      `${resource}: read ${rule.read}, write ${rule.write}${mode === undefined ? '' : ` (${mode})`}`,
    )
  }
  if (knownPasswords && users.length > 0) {
    const [first] = users
    const example =
      first === undefined
        ? ''
        : `, e.g. ${String(first[config.login])} / ${knownPassword(config, first)}`
    lines.push(`Generated users log in with their ${config.login} as password${example}`)
  }
  return lines
}
