import type { AccessLevel } from '../schema/types.ts'

/** Who may do something: anyone, any logged-in user, the item's owner, or no one. */
export const ACCESS_LEVELS = [
  'anyone',
  'logged-in',
  'owner',
  'nobody',
] as const satisfies readonly AccessLevel[]
export type Access = AccessLevel

export type AccessRule = { readonly read: Access; readonly write: Access }

export const OPEN_RULE: AccessRule = { read: 'anyone', write: 'anyone' }

/**
 * json-server-auth's guards, as the `/640/posts` route prefixes and the `{ "posts": 640 }` routes
 * shorthand write them: the digits are owner, logged-in and public rights, Unix style (6 = read and
 * write, 4 = read, 0 = nothing).
 */
export const GUARD_MODES: Readonly<Record<string, AccessRule>> = {
  '666': { read: 'anyone', write: 'anyone' },
  '664': { read: 'anyone', write: 'logged-in' },
  '660': { read: 'logged-in', write: 'logged-in' },
  '644': { read: 'anyone', write: 'owner' },
  '640': { read: 'logged-in', write: 'owner' },
  '600': { read: 'owner', write: 'owner' },
  '444': { read: 'anyone', write: 'nobody' },
  '440': { read: 'logged-in', write: 'nobody' },
  '400': { read: 'owner', write: 'nobody' },
}

/** The rule a guard mode (`640` or `"640"`) names; `undefined` for anything else. */
export function ruleFromMode(mode: unknown): AccessRule | undefined {
  if (typeof mode !== 'number' && typeof mode !== 'string') return undefined
  const key = String(mode)
  return Object.hasOwn(GUARD_MODES, key) ? GUARD_MODES[key] : undefined
}

/** The guard mode that means this rule, if json-server-auth has one. */
export function modeOfRule(rule: AccessRule): string | undefined {
  return Object.keys(GUARD_MODES).find(
    (mode) => GUARD_MODES[mode]?.read === rule.read && GUARD_MODES[mode]?.write === rule.write,
  )
}

export function isAccess(value: unknown): value is Access {
  return typeof value === 'string' && (ACCESS_LEVELS as readonly string[]).includes(value)
}
