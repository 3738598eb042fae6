import { compare, hash, hashSync } from 'bcryptjs'

/** json-server-auth's bcrypt cost. */
export const DEFAULT_COST = 10

export function hashPassword(password: string, cost: number): Promise<string> {
  return hash(password, cost)
}

/** Whether `password` matches a stored bcrypt hash; anything else stored never matches. */
export async function checkPassword(password: string, stored: unknown): Promise<boolean> {
  if (typeof stored !== 'string' || !/^\$2[abxy]\$\d\d\$/.test(stored)) return false
  return compare(password, stored)
}

const SALT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
// Generated users' hashes are part of generated data, which is byte-identical for a seed: the salt
// is derived from the seed and the user, and the cost is the lowest bcrypt allows, so generating
// a thousand users stays quick. They guard known passwords anyway.
const GENERATED_COST = '04'

/** A bcrypt hash that is the same for the same password and key. */
export function deterministicHash(password: string, key: string): string {
  let state = 0x811c9dc5
  let salt = ''
  for (let index = 0; index < 22; index += 1) {
    for (const char of `${key}#${index}`) {
      state = Math.imul(state ^ char.charCodeAt(0), 0x01000193) >>> 0
    }
    salt += SALT_ALPHABET[state % 64]
  }
  return hashSync(password, `$2b$${GENERATED_COST}$${salt}`)
}
