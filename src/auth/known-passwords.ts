import type { Data, Row } from '../json.ts'
import { MIN_PASSWORD_LENGTH } from './credentials.ts'
import { deterministicHash } from './passwords.ts'
import type { AuthConfig } from './auth-config.ts'

/**
 * A generated user's password, known so a front end can log in at once: its login name (its
 * email or username), padded with 0s to the shortest password allowed.
 */
export function knownPassword(config: AuthConfig, user: Row): string {
  const login = user[config.login]
  const name =
    typeof login === 'string' && login !== '' ? login : `user${String(user[config.userIdKey])}`
  return name.padEnd(MIN_PASSWORD_LENGTH, '0')
}

/** Generated users with their known password's hash (the same for the same seed and user). */
export function withKnownPasswords(data: Data, config: AuthConfig, seed: number): Data {
  const users = data[config.users]
  if (!Array.isArray(users)) return data
  const hashed = users.map((user) => ({
    ...user,
    [config.password]: deterministicHash(
      knownPassword(config, user),
      `${seed}:${String(user[config.userIdKey])}`,
    ),
  }))
  return { ...data, [config.users]: hashed }
}
